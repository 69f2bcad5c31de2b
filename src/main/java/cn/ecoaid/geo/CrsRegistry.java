package cn.ecoaid.geo;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * The coordinate systems a layer may be in, named by code: {@code EPSG:4326} (WGS84), {@code EPSG:4490} (CGCS2000),
 * CGCS2000 Gauss-Krüger zones (6°: EPSG:4491–4501 zones 13–23 with the zone in the false easting, 4502–4512 by central
 * meridian 75°E–135°E; 3°: 4513–4533 zones 25–45 with the zone in the false easting, 4534–4554 by central meridian),
 * {@code EPSG:3857} (Web Mercator), UTM ({@code EPSG:326zz} north, {@code 327zz} south), and {@link #GCJ02}, the
 * offset lon/lat of Chinese web maps (not an EPSG system; converted to WGS84 by {@link Gcj02}).
 * Definitions come from proj4j's EPSG database.
 */
public final class CrsRegistry {
    public static final String WGS84 = "EPSG:4326";
    public static final String CGCS2000 = "EPSG:4490";
    public static final String WEB_MERCATOR = "EPSG:3857";
    /** GCJ-02 (国测局坐标): longitude/latitude with the published offset. */
    public static final String GCJ02 = "GCJ02";

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<String, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private CrsRegistry() {
    }

    /**
     * The code for a user's text: "EPSG:4490", "4490", "CGCS2000", "国家2000", "WGS84", "GCJ-02", "火星坐标",
     * "Web Mercator". Throws {@code geo.crs.error.unknown} when the text names no system we know.
     */
    public static String parse(String text) {
        if (text == null || text.isBlank()) {
            throw new EcoAidException("geo.crs.error.unknown", String.valueOf(text));
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
        switch (t) {
            case "WGS84", "WGS1984", "GPS":
                return WGS84;
            case "CGCS2000", "CGCS", "国家2000", "2000国家大地坐标系", "CHINA2000":
                return CGCS2000;
            case "GCJ02", "GCJ", "火星坐标", "国测局坐标", "AMAP", "高德":
                return GCJ02;
            case "WEBMERCATOR", "PSEUDOMERCATOR", "GOOGLE", "900913":
                return WEB_MERCATOR;
            default:
                break;
        }
        String digits = t.startsWith("EPSG:") ? t.substring(5) : t.startsWith("EPSG") ? t.substring(4) : t;
        if (digits.matches("\\d{4,5}")) {
            String code = "EPSG:" + Integer.parseInt(digits);
            crs(code);
            return code;
        }
        throw new EcoAidException("geo.crs.error.unknown", text);
    }

    /** The proj4j system for a code (GCJ-02 answers WGS84's definition: the offset is applied separately). */
    public static CoordinateReferenceSystem crs(String code) {
        String key = GCJ02.equals(code) ? WGS84 : code;
        return CACHE.computeIfAbsent(key, k -> {
            try {
                CoordinateReferenceSystem c = FACTORY.createFromName(k);
                if (c == null) {
                    throw new EcoAidException("geo.crs.error.unknown", k);
                }
                return c;
            } catch (RuntimeException e) {
                if (e instanceof EcoAidException ee) {
                    throw ee;
                }
                throw new EcoAidException(e, "geo.crs.error.unknown", k);
            }
        });
    }

    /** True when coordinates are longitude/latitude in degrees. */
    public static boolean isGeographic(String code) {
        return GCJ02.equals(code) || crs(code).getProjection() instanceof org.locationtech.proj4j.proj.LongLatProjection;
    }

    /** CGCS2000 3° Gauss-Krüger zone by central meridian (75…135°E, a multiple of 3): EPSG:4534–4554, FE 500 000 m. */
    public static String gk3ByCentralMeridian(int cm) {
        if (cm < 75 || cm > 135 || cm % 3 != 0) {
            throw new EcoAidException("geo.crs.error.zone", cm);
        }
        return "EPSG:" + (4534 + (cm - 75) / 3);
    }

    /** CGCS2000 3° Gauss-Krüger zone by zone number (25…45), zone number in the false easting: EPSG:4513–4533. */
    public static String gk3ByZone(int zone) {
        if (zone < 25 || zone > 45) {
            throw new EcoAidException("geo.crs.error.zone", zone);
        }
        return "EPSG:" + (4513 + zone - 25);
    }

    /** CGCS2000 6° Gauss-Krüger zone by central meridian (75, 81, …, 135°E): EPSG:4502–4512, FE 500 000 m. */
    public static String gk6ByCentralMeridian(int cm) {
        if (cm < 75 || cm > 135 || (cm - 75) % 6 != 0) {
            throw new EcoAidException("geo.crs.error.zone", cm);
        }
        return "EPSG:" + (4502 + (cm - 75) / 6);
    }

    /** CGCS2000 6° Gauss-Krüger zone by zone number (13…23), zone number in the false easting: EPSG:4491–4501. */
    public static String gk6ByZone(int zone) {
        if (zone < 13 || zone > 23) {
            throw new EcoAidException("geo.crs.error.zone", zone);
        }
        return "EPSG:" + (4491 + zone - 13);
    }

    /** WGS84 / UTM zone 1…60, north or south. */
    public static String utm(int zone, boolean north) {
        if (zone < 1 || zone > 60) {
            throw new EcoAidException("geo.crs.error.zone", zone);
        }
        return "EPSG:" + ((north ? 32600 : 32700) + zone);
    }

    /** The 3° CGCS2000 zone (by central meridian) for a longitude: the projected system areas and lengths use. */
    public static String gk3For(double longitude) {
        return "EPSG:" + GaussKruger.zoneFor(longitude).epsg();
    }

    private static volatile java.util.Properties wkt;

    /** The OGC WKT 1 of an EPSG system from proj4j's EPSG database (for GeoPackage SRS rows and .prj files). */
    public static java.util.Optional<String> wkt(String code) {
        if (code == null || !code.startsWith("EPSG:")) {
            return java.util.Optional.empty();
        }
        java.util.Properties p = wkt;
        if (p == null) {
            synchronized (CrsRegistry.class) {
                if (wkt == null) {
                    java.util.Properties loaded = new java.util.Properties();
                    try (java.io.InputStream in = CrsRegistry.class.getResourceAsStream("/proj4/wkt/epsg.properties")) {
                        if (in != null) {
                            loaded.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                        }
                    } catch (java.io.IOException e) {
                        throw new EcoAidException(e, "geo.crs.error.unknown", code);
                    }
                    wkt = loaded;
                }
                p = wkt;
            }
        }
        return java.util.Optional.ofNullable(p.getProperty(code.substring(5)));
    }
}
