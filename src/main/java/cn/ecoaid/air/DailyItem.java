package cn.ecoaid.air;

import java.util.List;

/** Daily statistics of a station (HJ 663): five 24-h means and the two O3 daily maxima. */
public enum DailyItem {
    SO2(Pollutant.SO2, "SO2", List.of("SO2", "二氧化硫")),
    NO2(Pollutant.NO2, "NO2", List.of("NO2", "二氧化氮")),
    PM10(Pollutant.PM10, "PM10", List.of("PM10", "可吸入颗粒物")),
    PM2_5(Pollutant.PM2_5, "PM2.5", List.of("PM2.5", "PM25", "细颗粒物")),
    CO(Pollutant.CO, "CO", List.of("CO", "一氧化碳")),
    O3_8H(Pollutant.O3, "O3_8h", List.of("O3_8h", "O38h", "O3-8h", "臭氧8小时", "臭氧日最大8小时平均", "O3")),
    O3_1H(Pollutant.O3, "O3_1h", List.of("O3_1h", "O31h", "O3-1h", "臭氧1小时", "臭氧日最大1小时平均"));

    public static final int COUNT = values().length;

    private final Pollutant pollutant;
    private final String label;
    private final List<String> aliases;

    DailyItem(Pollutant pollutant, String label, List<String> aliases) {
        this.pollutant = pollutant;
        this.label = label;
        this.aliases = aliases;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    public String label() {
        return label;
    }

    public List<String> aliases() {
        return aliases;
    }
}
