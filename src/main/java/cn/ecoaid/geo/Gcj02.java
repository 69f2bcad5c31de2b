package cn.ecoaid.geo;

/**
 * GCJ-02 (国测局坐标, "Mars coordinates") to and from WGS84 by the widely published offset formula (the one in
 * eviltransform and coordtransform). Points outside the published China rectangle are not offset. The inverse is
 * iterative (fixed-point on the forward offset) and converges to better than 1e-9° in a few steps.
 */
public final class Gcj02 {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** Outside the rectangle the formula applies to (72.004–137.8347°E, 0.8293–55.8271°N). */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 → GCJ-02: {lon, lat}. */
    public static double[] fromWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = delta(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /** GCJ-02 → WGS84 by iteration: find w with fromWgs84(w) = g. */
    public static double[] toWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < 30; i++) {
            double[] g = fromWgs84(wLon, wLat);
            double eLon = g[0] - lon;
            double eLat = g[1] - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.abs(eLon) < 1e-12 && Math.abs(eLat) < 1e-12) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    private static double[] delta(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = transformLat(x, y);
        double dLon = transformLon(x, y);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
