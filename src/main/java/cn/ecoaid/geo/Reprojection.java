package cn.ecoaid.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A transformation between two systems of {@link CrsRegistry}, applied to points and JTS geometries. GCJ-02 on either
 * side goes through WGS84 with {@link Gcj02}. WGS84 and CGCS2000 are treated as the same datum (they differ by
 * centimetres). One instance is not thread-safe; make one per thread.
 */
public final class Reprojection {
    private static final CoordinateTransformFactory FACTORY = new CoordinateTransformFactory();

    private final String from;
    private final String to;
    private final boolean fromGcj;
    private final boolean toGcj;
    private final CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public Reprojection(String from, String to) {
        this.from = from;
        this.to = to;
        this.fromGcj = CrsRegistry.GCJ02.equals(from);
        this.toGcj = CrsRegistry.GCJ02.equals(to);
        String a = fromGcj ? CrsRegistry.WGS84 : from;
        String b = toGcj ? CrsRegistry.WGS84 : to;
        boolean same = a.equals(b) || (CrsRegistry.isGeographic(a) && CrsRegistry.isGeographic(b));
        this.transform = same ? null : FACTORY.createTransform(CrsRegistry.crs(a), CrsRegistry.crs(b));
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** True when nothing changes. */
    public boolean isIdentity() {
        return transform == null && fromGcj == toGcj;
    }

    /** Transforms x (longitude or easting), y into {@code xy}. */
    public void transform(double x, double y, double[] xy) {
        if (fromGcj && !toGcj) {
            double[] w = Gcj02.toWgs84(x, y);
            x = w[0];
            y = w[1];
        }
        if (transform != null) {
            in.x = x;
            in.y = y;
            transform.transform(in, out);
            x = out.x;
            y = out.y;
        }
        if (toGcj && !fromGcj) {
            double[] g = Gcj02.fromWgs84(x, y);
            x = g[0];
            y = g[1];
        }
        xy[0] = x;
        xy[1] = y;
    }

    public double[] transform(double x, double y) {
        double[] xy = new double[2];
        transform(x, y, xy);
        return xy;
    }

    /** A transformed copy of a geometry (the geometry itself when nothing changes). */
    public Geometry transform(Geometry g) {
        if (isIdentity()) {
            return g;
        }
        Geometry copy = g.copy();
        double[] xy = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                transform(seq.getX(i), seq.getY(i), xy);
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
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
        copy.geometryChanged();
        return copy;
    }
}
