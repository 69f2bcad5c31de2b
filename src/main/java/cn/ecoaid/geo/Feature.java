package cn.ecoaid.geo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One map feature: a JTS geometry (possibly null for a record without shape) and its attributes in field order.
 * Attribute values are String, Long, Double, Boolean or null.
 */
public record Feature(Geometry geometry, Map<String, Object> attributes) {
    public Feature {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Feature withGeometry(Geometry g) {
        return new Feature(g, attributes);
    }

    /** The attribute as text ("" when absent or null); whole doubles without ".0". */
    public String text(String field) {
        Object v = attributes.get(field);
        if (v == null) {
            return "";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return Objects.toString(v);
    }

    /** The attribute as a number, NaN when absent or not numeric. */
    public double number(String field) {
        Object v = attributes.get(field);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
