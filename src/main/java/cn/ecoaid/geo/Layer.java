package cn.ecoaid.geo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * A named set of features in one coordinate system ({@link CrsRegistry} code), with its field names in order and the
 * repairs made to invalid geometries when it was read.
 */
public record Layer(String name, String crs, List<String> fields, List<Feature> features, List<Repair> repairs) {
    /** A geometry that was invalid on import and was fixed: feature index (0-based) and the JTS validity message. */
    public record Repair(int feature, String reason) {
    }

    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(crs, "crs");
        fields = List.copyOf(fields);
        features = List.copyOf(features);
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }

    public Layer(String name, String crs, List<Feature> features) {
        this(name, crs, fieldsOf(features), features, List.of());
    }

    /** The union of attribute names in first-seen order. */
    public static List<String> fieldsOf(List<Feature> features) {
        LinkedHashSet<String> f = new LinkedHashSet<>();
        for (Feature feature : features) {
            f.addAll(feature.attributes().keySet());
        }
        return new ArrayList<>(f);
    }

    public Layer withName(String n) {
        return new Layer(n, crs, fields, features, repairs);
    }

    /** The bounding box of all geometries (null when there is none). */
    public Envelope envelope() {
        Envelope e = new Envelope();
        for (Feature f : features) {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                e.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        return e.isNull() ? null : e;
    }

    /** Total number of coordinates. */
    public long vertices() {
        long n = 0;
        for (Feature f : features) {
            if (f.geometry() != null) {
                n += f.geometry().getNumPoints();
            }
        }
        return n;
    }

    /** This layer in another system (repairs carried over). */
    public Layer reproject(String target) {
        if (target.equals(crs)) {
            return this;
        }
        Reprojection r = new Reprojection(crs, target);
        List<Feature> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            out.add(f.geometry() == null ? f : f.withGeometry(r.transform(f.geometry())));
        }
        return new Layer(name, target, fields, out, repairs);
    }
}
