package cn.ecoaid.map;

import cn.ecoaid.domain.Crs;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.l10n.Messages;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The workspace's sites as a point layer in CGCS2000 (sites in WGS84 are taken as is: the two differ by centimetres),
 * coloured by site type and named in the current language. Sites without coordinates are left out.
 */
public final class SiteLayers {
    private static final GeometryFactory GF = new GeometryFactory();
    /** The key of the sites layer in style files. */
    public static final String NAME = "sites";

    private SiteLayers() {
    }

    public static Layer of(List<Site> sites) {
        List<Feature> features = new ArrayList<>();
        for (Site s : sites) {
            if (s.longitude() == null || s.latitude() == null) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("code", s.code());
            a.put("name", s.name());
            a.put("type", s.type().name());
            a.put("admin_code", s.adminCode());
            a.putAll(s.attributes());
            features.add(new Feature(GF.createPoint(new Coordinate(s.longitude(), s.latitude())), a));
        }
        String crs = sites.stream().allMatch(s -> s.crs() == Crs.WGS84) && !sites.isEmpty() ? CrsRegistry.WGS84 : CrsRegistry.CGCS2000;
        return new Layer(Messages.get("map.sites"), crs, List.of("code", "name", "type", "admin_code"), features, List.of());
    }

    /**
     * The sites that have a status (e.g. the AQI category of their latest day, or the class of their latest water
     * sample) as a point layer named {@code name}, coloured by that status; {@code statuses} maps site code to status
     * key, {@code colors} and {@code labels} give each key's colour and legend text (in legend order).
     */
    public static MapLayer status(String name, List<Site> sites, Map<String, String> statuses, Map<String, Color> colors,
                                  Map<String, String> labels) {
        List<Feature> features = new ArrayList<>();
        for (Site s : sites) {
            String status = statuses.get(s.code());
            if (status == null || s.longitude() == null || s.latitude() == null) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("code", s.code());
            a.put("name", s.name());
            a.put("status", status);
            a.put("status_text", labels.getOrDefault(status, status));
            features.add(new Feature(GF.createPoint(new Coordinate(s.longitude(), s.latitude())), a));
        }
        Layer layer = new Layer(name, CrsRegistry.CGCS2000, List.of("code", "name", "status", "status_text"), features, List.of());
        LayerStyle style = new LayerStyle(Color.GRAY, Color.DARK_GRAY, 0.8, LayerStyle.Symbol.CIRCLE, 9, "name", null,
                new LayerStyle.Categories("status", colors, labels), true);
        return new MapLayer(layer, style);
    }

    /** Points coloured by type, legend entries in the current language. */
    public static LayerStyle style() {
        Map<String, Color> colors = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Color[] palette = {new Color(0x1f77b4), new Color(0x17becf), new Color(0x2ca02c), new Color(0xd62728)};
        SiteType[] types = SiteType.values();
        for (int i = 0; i < types.length; i++) {
            colors.put(types[i].name(), palette[i % palette.length]);
            labels.put(types[i].name(), Messages.get("site.type." + types[i].name()));
        }
        return new LayerStyle(Color.GRAY, Color.WHITE, 0.6, LayerStyle.Symbol.CIRCLE, 6, null, null,
                new LayerStyle.Categories("type", colors, labels), true);
    }
}
