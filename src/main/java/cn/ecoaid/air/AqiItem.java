package cn.ecoaid.air;

/**
 * An IAQI item: a pollutant with an averaging period, i.e. one column of the breakpoint table (HJ 633-2012 表1,
 * HJ 633-2026 表3).
 */
public enum AqiItem {
    SO2_24H(Pollutant.SO2, "SO2_24h", "SO2"),
    SO2_1H(Pollutant.SO2, "SO2_1h", "SO2"),
    NO2_24H(Pollutant.NO2, "NO2_24h", "NO2"),
    NO2_1H(Pollutant.NO2, "NO2_1h", "NO2"),
    PM10_24H(Pollutant.PM10, "PM10_24h", "PM10"),
    PM2_5_24H(Pollutant.PM2_5, "PM2.5_24h", "PM2.5"),
    CO_24H(Pollutant.CO, "CO_24h", "CO"),
    CO_1H(Pollutant.CO, "CO_1h", "CO"),
    O3_1H(Pollutant.O3, "O3_1h", "O3_1h"),
    O3_8H(Pollutant.O3, "O3_8h", "O3_8h");

    public static final int COUNT = values().length;

    private final Pollutant pollutant;
    private final String column;
    private final String label;

    AqiItem(Pollutant pollutant, String column, String label) {
        this.pollutant = pollutant;
        this.column = column;
        this.label = label;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    /** Column of the breakpoint table. */
    public String column() {
        return column;
    }

    /** Name used for the primary pollutant (首要污染物): the pollutant, with the period for O3. */
    public String label() {
        return label;
    }
}
