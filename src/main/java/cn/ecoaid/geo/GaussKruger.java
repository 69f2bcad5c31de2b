package cn.ecoaid.geo;

import cn.ecoaid.domain.EcoAidException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * CGCS2000 3° Gauss-Krüger zones by central meridian (EPSG:4534 for 75°E … EPSG:4554 for 135°E, false easting
 * 500 000 m, no zone number in the easting). The zone of a city is the one whose central meridian is nearest to its
 * longitude: 3 × round(λ / 3).
 */
public final class GaussKruger {
    /** Geographic CGCS2000. */
    public static final String CGCS2000 = "EPSG:4490";

    /** A zone: EPSG code and central meridian in degrees east. */
    public record Zone(int epsg, int centralMeridian) {
    }

    private final Zone zone;
    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;

    public GaussKruger(Zone zone) {
        this.zone = zone;
        CRSFactory f = new CRSFactory();
        CoordinateReferenceSystem geo = f.createFromName(CGCS2000);
        CoordinateReferenceSystem gk = f.createFromName("EPSG:" + zone.epsg());
        CoordinateTransformFactory tf = new CoordinateTransformFactory();
        this.forward = tf.createTransform(geo, gk);
        this.inverse = tf.createTransform(gk, geo);
    }

    /** The zone for a longitude in China's range (73.5°E–135.1°E). */
    public static Zone zoneFor(double longitude) {
        if (!(longitude >= 73.0 && longitude <= 136.5)) {
            throw new EcoAidException("geo.grid.error.longitude", longitude);
        }
        int cm = (int) (3 * Math.round(longitude / 3.0));
        cm = Math.max(75, Math.min(135, cm));
        return new Zone(4534 + (cm - 75) / 3, cm);
    }

    public static GaussKruger forLongitude(double longitude) {
        return new GaussKruger(zoneFor(longitude));
    }

    public Zone zone() {
        return zone;
    }

    /** Projected easting and northing (m) of a longitude/latitude in degrees. */
    public double[] project(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        synchronized (forward) {
            forward.transform(new ProjCoordinate(lon, lat), out);
        }
        return new double[] {out.x, out.y};
    }

    /** Longitude and latitude (degrees) of a projected point. */
    public double[] unproject(double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        synchronized (inverse) {
            inverse.transform(new ProjCoordinate(x, y), out);
        }
        return new double[] {out.x, out.y};
    }

    /** A projected copy of a geometry given in longitude/latitude. */
    public Geometry project(Geometry lonLat) {
        Geometry g = lonLat.copy();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                synchronized (forward) {
                    forward.transform(in, out);
                }
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        g.geometryChanged();
        return g;
    }
}
