package cn.ecoaid.domain;

import java.util.Optional;

/** Geographic coordinate systems for site coordinates. Bundle keys: {@code crs.<NAME>}. */
public enum Crs {
    CGCS2000("EPSG:4490"),
    WGS84("EPSG:4326");

    private final String epsg;

    Crs(String epsg) {
        this.epsg = epsg;
    }

    public String epsg() {
        return epsg;
    }

    /** Accepts the name, the EPSG code (with or without "EPSG:"), or 国家2000 / 2000国家大地坐标系 for CGCS2000. */
    public static Optional<Crs> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        for (Crs crs : values()) {
            if (crs.name().equals(t) || crs.epsg.equals(t) || crs.epsg.substring(5).equals(t)) {
                return Optional.of(crs);
            }
        }
        if (t.contains("2000")) {
            return Optional.of(CGCS2000);
        }
        return Optional.empty();
    }
}
