package cn.ecoaid.air;

import java.util.List;

/** The six basic pollutants of GB 3095 (µg/m³; CO in mg/m³), with their column aliases in import files. */
public enum Pollutant {
    SO2("SO2", 0, List.of("SO2", "二氧化硫", "SO₂")),
    NO2("NO2", 0, List.of("NO2", "二氧化氮", "NO₂")),
    PM10("PM10", 0, List.of("PM10", "可吸入颗粒物", "颗粒物(PM10)")),
    PM2_5("PM2.5", 0, List.of("PM2.5", "PM25", "细颗粒物", "颗粒物(PM2.5)", "PM₂.₅")),
    CO("CO", 1, List.of("CO", "一氧化碳")),
    O3("O3", 0, List.of("O3", "臭氧", "O₃"));

    public static final int COUNT = 6;

    private final String label;
    private final int decimals;
    private final List<String> aliases;

    Pollutant(String label, int decimals, List<String> aliases) {
        this.label = label;
        this.decimals = decimals;
        this.aliases = aliases;
    }

    /** Label used in files and reports: SO2, NO2, PM10, PM2.5, CO, O3. */
    public String label() {
        return label;
    }

    /** Decimals kept when rounding a concentration per GB/T 8170 (HJ 633-2026 4.2.2: CO one, the others none). */
    public int decimals() {
        return decimals;
    }

    public List<String> aliases() {
        return aliases;
    }

    public static Pollutant fromLabel(String label) {
        for (Pollutant p : values()) {
            if (p.label.equalsIgnoreCase(label.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException(label);
    }
}
