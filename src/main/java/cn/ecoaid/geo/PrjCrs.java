package cn.ecoaid.geo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate system of an ESRI {@code .prj} (WKT 1) file, recognised by its outermost EPSG authority if present,
 * else by the names and parameters ESRI and GDAL write for CGCS2000, WGS84, Web Mercator, UTM and the CGCS2000
 * Gauss-Krüger zones ("CGCS2000_3_Degree_GK_CM_117E", "CGCS2000_3_Degree_GK_Zone_39", "CGCS2000_GK_Zone_20", …).
 * Xi'an 1980 and Beijing 1954 are not recognised (their datum shifts are not public): the user declares the system.
 */
public final class PrjCrs {
    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");
    private static final Pattern PARAM = Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-+0-9.eE]+)\\]");
    private static final Pattern UTM = Pattern.compile("UTM[_ ]ZONE[_ ](\\d+)([NS])");

    private PrjCrs() {
    }

    public static Optional<String> fromWkt(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return Optional.empty();
        }
        String w = wkt.strip();
        Matcher auth = AUTHORITY.matcher(w);
        if (auth.find()) {
            try {
                return Optional.of(CrsRegistry.parse(auth.group(1)));
            } catch (RuntimeException unknownToProj4j) {
                // fall through to names
            }
        }
        String u = w.toUpperCase(Locale.ROOT);
        boolean cgcs = u.contains("CGCS") || u.contains("CHINA_2000") || u.contains("CHINA GEODETIC COORDINATE SYSTEM 2000")
                || u.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000");
        boolean wgs = u.contains("WGS_1984") || u.contains("WGS 84") || u.contains("WGS84");
        if (!u.startsWith("PROJCS")) {
            if (cgcs) {
                return Optional.of(CrsRegistry.CGCS2000);
            }
            return wgs && u.startsWith("GEOGCS") ? Optional.of(CrsRegistry.WGS84) : Optional.empty();
        }
        if (u.contains("WEB_MERCATOR") || u.contains("PSEUDO-MERCATOR") || u.contains("PSEUDO_MERCATOR")) {
            return Optional.of(CrsRegistry.WEB_MERCATOR);
        }
        Matcher utm = UTM.matcher(u);
        if (wgs && utm.find()) {
            return Optional.of(CrsRegistry.utm(Integer.parseInt(utm.group(1)), utm.group(2).equals("N")));
        }
        if (!cgcs || !(u.contains("TRANSVERSE_MERCATOR") || u.contains("GAUSS"))) {
            return Optional.empty();
        }
        Double cm = null;
        Double fe = null;
        Double k = 1.0;
        Matcher p = PARAM.matcher(w);
        while (p.find()) {
            String n = p.group(1).toLowerCase(Locale.ROOT);
            double v = Double.parseDouble(p.group(2));
            if (n.equals("central_meridian") || n.equals("longitude_of_center")) {
                cm = v;
            } else if (n.equals("false_easting")) {
                fe = v;
            } else if (n.equals("scale_factor")) {
                k = v;
            }
        }
        if (cm == null || fe == null || Math.abs(k - 1.0) > 1e-12 || cm != Math.rint(cm)) {
            return Optional.empty();
        }
        int c = cm.intValue();
        boolean threeDegree = u.contains("3_DEGREE") || u.contains("3 DEGREE") || u.contains("3-DEGREE");
        try {
            if (Math.abs(fe - 500000.0) < 1e-6) {
                // The 3° and 6° systems with the same central meridian are the same projection; the name decides the code.
                if (!threeDegree && (c - 75) % 6 == 0) {
                    return Optional.of(CrsRegistry.gk6ByCentralMeridian(c));
                }
                return Optional.of(CrsRegistry.gk3ByCentralMeridian(c));
            }
            long zone = Math.round((fe - 500000.0) / 1_000_000.0);
            if (Math.abs(zone * 1_000_000.0 + 500000.0 - fe) > 1e-6) {
                return Optional.empty();
            }
            if (zone >= 25 && zone <= 45 && zone * 3 == c) {
                return Optional.of(CrsRegistry.gk3ByZone((int) zone));
            }
            if (zone >= 13 && zone <= 23 && zone * 6 - 3 == c) {
                return Optional.of(CrsRegistry.gk6ByZone((int) zone));
            }
        } catch (RuntimeException notAZone) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
