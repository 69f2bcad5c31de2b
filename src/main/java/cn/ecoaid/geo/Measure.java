package cn.ecoaid.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * Areas (m²) and lengths (m) in a projected system chosen for the data: geometries in a projected system are measured
 * as they are; longitude/latitude and Web Mercator ones in the CGCS2000 3° Gauss-Krüger zone of their centroid's longitude.
 */
public final class Measure {
    private Measure() {
    }

    /** The projected system measurements of this geometry use. */
    public static String measuringCrs(Geometry g, String crs) {
        boolean mercator = CrsRegistry.WEB_MERCATOR.equals(crs);
        if (!CrsRegistry.isGeographic(crs) && !mercator) {
            return crs;
        }
        org.locationtech.jts.geom.Coordinate c = g.isEmpty() || g.getCentroid().isEmpty()
                ? g.getEnvelopeInternal().centre() : g.getCentroid().getCoordinate();
        double lon = new Reprojection(crs, CrsRegistry.WGS84).transform(c.x, c.y)[0];
        return CrsRegistry.gk3For(lon);
    }

    public static double area(Geometry g, String crs) {
        return projected(g, crs).getArea();
    }

    public static double length(Geometry g, String crs) {
        return projected(g, crs).getLength();
    }

    private static Geometry projected(Geometry g, String crs) {
        String target = measuringCrs(g, crs);
        return new Reprojection(crs, target).transform(g);
    }
}
