package cn.ecoaid.geo;

import cn.ecoaid.domain.EcoAidException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) FeatureCollection / Feature / bare geometry with properties. The coordinate system is WGS84
 * unless the file carries the legacy {@code "crs": {"type": "name", "properties": {"name": "EPSG:4490"}}} member (also
 * written when a layer is not in WGS84) or the caller declares another one.
 */
public final class GeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(\\d+)", Pattern.CASE_INSENSITIVE);

    private GeoJson() {
    }

    /** Reads a file; {@code declaredCrs} (may be null) overrides the file's own. Geometries are not yet repaired. */
    public static Layer read(Path file, String name, String declaredCrs) {
        // Streamed: a FeatureCollection's features are read one at a time, so memory follows the largest feature.
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EcoAidException("map.error.geojsonInvalid", file, "not an object");
            }
            ObjectNode rest = JSON.createObjectNode();
            List<Feature> features = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("features") && t == JsonToken.START_ARRAY) {
                    features = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        features.add(feature(JSON.readTree(p), file));
                    }
                } else {
                    rest.set(field, JSON.readTree(p));
                }
            }
            if (features == null) {
                return read(rest, name, declaredCrs, file);
            }
            return new Layer(name, declaredCrs != null ? declaredCrs : crsOf(rest), features);
        } catch (IOException e) {
            throw new EcoAidException(e, "map.error.read", file, e.getMessage());
        }
    }

    static Layer read(JsonNode root, String name, String declaredCrs, Object source) {
        if (root == null || !root.isObject()) {
            throw new EcoAidException("map.error.geojsonInvalid", source, "not an object");
        }
        String crs = declaredCrs != null ? declaredCrs : crsOf(root);
        List<Feature> features = new ArrayList<>();
        String type = root.path("type").asText();
        switch (type) {
            case "FeatureCollection" -> {
                for (JsonNode f : root.path("features")) {
                    features.add(feature(f, source));
                }
            }
            case "Feature" -> features.add(feature(root, source));
            default -> features.add(new Feature(geometry(root, source), Map.of()));
        }
        return new Layer(name, crs, features);
    }

    private static String crsOf(JsonNode root) {
        JsonNode n = root.path("crs").path("properties").path("name");
        if (n.isTextual()) {
            String t = n.asText();
            if (t.contains("CRS84")) {
                return CrsRegistry.WGS84;
            }
            Matcher m = EPSG.matcher(t);
            if (m.find()) {
                return CrsRegistry.parse(m.group(1));
            }
            return CrsRegistry.parse(t);
        }
        return CrsRegistry.WGS84;
    }

    private static Feature feature(JsonNode f, Object source) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        JsonNode props = f.path("properties");
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            attrs.put(e.getKey(), value(e.getValue()));
        }
        JsonNode g = f.get("geometry");
        return new Feature(g == null || g.isNull() ? null : geometry(g, source), attrs);
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        return v.toString();
    }

    static Geometry geometry(JsonNode g, Object source) {
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        try {
            return switch (type) {
                case "Point" -> GF.createPoint(coord(c));
                case "MultiPoint" -> GF.createMultiPointFromCoords(coords(c));
                case "LineString" -> GF.createLineString(coords(c));
                case "MultiLineString" -> {
                    LineString[] ls = new LineString[c.size()];
                    for (int i = 0; i < ls.length; i++) {
                        ls[i] = GF.createLineString(coords(c.get(i)));
                    }
                    yield GF.createMultiLineString(ls);
                }
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> {
                    Polygon[] ps = new Polygon[c.size()];
                    for (int i = 0; i < ps.length; i++) {
                        ps[i] = polygon(c.get(i));
                    }
                    yield GF.createMultiPolygon(ps);
                }
                case "GeometryCollection" -> {
                    JsonNode gs = g.path("geometries");
                    Geometry[] parts = new Geometry[gs.size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = geometry(gs.get(i), source);
                    }
                    yield GF.createGeometryCollection(parts);
                }
                default -> throw new EcoAidException("map.error.geojsonInvalid", source, "geometry type " + type);
            };
        } catch (IllegalArgumentException e) {
            // JTS refuses rings that are not closed or have fewer than 4 points
            throw new EcoAidException(e, "map.error.geojsonInvalid", source, e.getMessage());
        }
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings.size() == 0) {
            return GF.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c) {
        Coordinate[] cs = coords(c);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = new Coordinate(cs[0]);
            cs = closed;
        }
        return GF.createLinearRing(cs);
    }

    private static Coordinate coord(JsonNode c) {
        if (c.size() < 2) {
            throw new IllegalArgumentException("position with fewer than 2 numbers");
        }
        return new Coordinate(c.get(0).asDouble(), c.get(1).asDouble());
    }

    private static Coordinate[] coords(JsonNode c) {
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coord(c.get(i));
        }
        return out;
    }

    /** Writes a FeatureCollection (with a "crs" member unless the layer is in WGS84). */
    public static void write(Layer layer, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(layer, out);
        } catch (IOException e) {
            throw new EcoAidException(e, "map.error.write", file, e.getMessage());
        }
    }

    public static void write(Layer layer, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", layer.name());
            if (!CrsRegistry.WGS84.equals(layer.crs()) && layer.crs().startsWith("EPSG:")) {
                g.writeObjectFieldStart("crs");
                g.writeStringField("type", "name");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", "urn:ogc:def:crs:EPSG::" + layer.crs().substring(5));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("features");
            for (Feature f : layer.features()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                if (f.geometry() == null) {
                    g.writeNull();
                } else {
                    writeGeometry(g, f.geometry());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    private static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            if (p.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                position(g, p.getCoordinate());
            }
        } else if (geom instanceof LineString l) {
            g.writeStringField("type", "LineString");
            g.writeFieldName("coordinates");
            positions(g, l.getCoordinates());
        } else if (geom instanceof Polygon p) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            rings(g, p);
        } else if (geom instanceof MultiPoint mp) {
            g.writeStringField("type", "MultiPoint");
            g.writeFieldName("coordinates");
            positions(g, mp.getCoordinates());
        } else if (geom instanceof MultiLineString ml) {
            g.writeStringField("type", "MultiLineString");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                positions(g, ml.getGeometryN(i).getCoordinates());
            }
            g.writeEndArray();
        } else if (geom instanceof MultiPolygon mp) {
            g.writeStringField("type", "MultiPolygon");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                rings(g, (Polygon) mp.getGeometryN(i));
            }
            g.writeEndArray();
        } else if (geom instanceof GeometryCollection gc) {
            g.writeStringField("type", "GeometryCollection");
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                writeGeometry(g, gc.getGeometryN(i));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void rings(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        if (!p.isEmpty()) {
            positions(g, p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                positions(g, p.getInteriorRingN(i).getCoordinates());
            }
        }
        g.writeEndArray();
    }

    private static void positions(JsonGenerator g, Coordinate[] cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
            position(g, c);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.x);
        g.writeNumber(c.y);
        g.writeEndArray();
    }
}
