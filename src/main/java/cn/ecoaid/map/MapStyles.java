package cn.ecoaid.map;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Layer styles as JSON (docs/formats.md "Maps"): {@code {"fill": "#RRGGBB[AA]", "stroke": "#…", "strokeWidth": pt,
 * "symbol": "circle|square|triangle|diamond", "size": pt, "label": field, "visible": true, "graduated": {"field": f,
 * "breaks": […], "colors": […]} or {"field": f, "classes": k, "method": "quantile|equal", "from": "#…", "to": "#…"},
 * "categories": {"field": f, "colors": {"value": "#…"}}}}. A style file holds {@code {"title": …, "layers": {name: style}}}.
 */
public final class MapStyles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A style file: map title (may be null) and a style per layer name. */
    public record StyleFile(String title, Map<String, JsonNode> layers) {
    }

    private MapStyles() {
    }

    public static StyleFile readFile(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            Map<String, JsonNode> layers = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("layers").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                layers.put(e.getKey(), e.getValue());
            }
            String title = root.hasNonNull("title") ? root.get("title").asText() : null;
            return new StyleFile(title, layers);
        } catch (IOException e) {
            throw new EcoAidException(e, "map.style.error.file", file, e.getMessage());
        }
    }

    /** The default style for the n-th layer, by the kind of its first geometry. */
    public static LayerStyle defaultFor(Layer layer, int index) {
        boolean polygons = false;
        boolean lines = false;
        for (Feature f : layer.features()) {
            Geometry g = f.geometry();
            if (g != null && !g.isEmpty()) {
                polygons = g instanceof Polygonal;
                lines = !polygons && !(g instanceof Puntal);
                break;
            }
        }
        return LayerStyle.defaults(index, polygons, lines);
    }

    public static LayerStyle parse(String json, LayerStyle base, Layer layer) {
        if (json == null || json.isBlank()) {
            return base;
        }
        try {
            return apply(JSON.readTree(json), base, layer);
        } catch (IOException e) {
            throw new EcoAidException(e, "map.style.error.invalid", e.getMessage());
        }
    }

    /** {@code base} with the members present in {@code spec}; graduated classes by method are computed from the layer. */
    public static LayerStyle apply(JsonNode spec, LayerStyle base, Layer layer) {
        if (spec == null || !spec.isObject()) {
            return base;
        }
        LayerStyle s = base;
        if (spec.has("fill")) {
            s = s.withFill(LayerStyle.color(spec.get("fill").asText()));
        }
        if (spec.has("stroke") || spec.has("strokeWidth")) {
            Color stroke = spec.has("stroke") ? LayerStyle.color(spec.get("stroke").asText()) : s.stroke();
            s = s.withStroke(stroke, spec.path("strokeWidth").asDouble(s.strokeWidth()));
        }
        if (spec.has("symbol") || spec.has("size")) {
            LayerStyle.Symbol sym = s.symbol();
            if (spec.has("symbol")) {
                try {
                    sym = LayerStyle.Symbol.valueOf(spec.get("symbol").asText().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new EcoAidException("map.style.error.symbol", spec.get("symbol").asText());
                }
            }
            s = s.withSymbol(sym, spec.path("size").asDouble(s.pointSize()));
        }
        if (spec.has("label")) {
            s = s.withLabel(spec.get("label").isNull() ? null : spec.get("label").asText());
        }
        if (spec.has("visible")) {
            s = s.withVisible(spec.get("visible").asBoolean(true));
        }
        JsonNode g = spec.get("graduated");
        if (g != null && g.isObject()) {
            String field = g.path("field").asText();
            double[] breaks;
            Color[] colors;
            if (g.has("breaks")) {
                breaks = new double[g.get("breaks").size()];
                for (int i = 0; i < breaks.length; i++) {
                    breaks[i] = g.get("breaks").get(i).asDouble();
                }
            } else {
                int classes = Math.max(2, g.path("classes").asInt(5));
                double[] values = layer.features().stream().mapToDouble(f -> f.number(field)).toArray();
                breaks = "equal".equalsIgnoreCase(g.path("method").asText("quantile"))
                        ? LayerStyle.Graduated.equalInterval(values, classes) : LayerStyle.Graduated.quantiles(values, classes);
            }
            if (g.has("colors")) {
                colors = new Color[g.get("colors").size()];
                for (int i = 0; i < colors.length; i++) {
                    colors[i] = LayerStyle.color(g.get("colors").get(i).asText());
                }
            } else {
                colors = LayerStyle.Graduated.ramp(LayerStyle.color(g.path("from").asText("#ffffb2")),
                        LayerStyle.color(g.path("to").asText("#bd0026")), breaks.length + 1);
            }
            s = s.withGraduated(new LayerStyle.Graduated(field, breaks, colors));
        }
        JsonNode c = spec.get("categories");
        if (c != null && c.isObject()) {
            Map<String, Color> colors = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = c.path("colors").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                colors.put(e.getKey(), LayerStyle.color(e.getValue().asText()));
            }
            s = s.withCategories(new LayerStyle.Categories(c.path("field").asText(), colors, Map.of()));
        }
        return s;
    }

    /** The JSON of a style (graduated classes as explicit breaks and colours). */
    public static String toJson(LayerStyle s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("fill", LayerStyle.hex(s.fill()));
        n.put("stroke", LayerStyle.hex(s.stroke()));
        n.put("strokeWidth", s.strokeWidth());
        n.put("symbol", s.symbol().name().toLowerCase(Locale.ROOT));
        n.put("size", s.pointSize());
        if (s.labelField() != null) {
            n.put("label", s.labelField());
        }
        n.put("visible", s.visible());
        if (s.graduated() != null) {
            ObjectNode g = n.putObject("graduated");
            g.put("field", s.graduated().field());
            ArrayNode b = g.putArray("breaks");
            for (double v : s.graduated().breaks()) {
                b.add(v);
            }
            ArrayNode cs = g.putArray("colors");
            for (Color c : s.graduated().colors()) {
                cs.add(LayerStyle.hex(c));
            }
        }
        if (s.categories() != null) {
            ObjectNode c = n.putObject("categories");
            c.put("field", s.categories().field());
            ObjectNode cs = c.putObject("colors");
            s.categories().colors().forEach((k, v) -> cs.put(k, LayerStyle.hex(v)));
        }
        return n.toString();
    }
}
