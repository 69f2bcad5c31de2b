package cn.ecoaid.map;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.io.HeaderMap;
import cn.ecoaid.io.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A table (CSV, UTF-8 or GBK, or .xlsx) as a layer: an enterprise or source list with longitude/latitude columns
 * (经度/纬度, lon/lat, longitude/latitude, x/y) or a WKT geometry column (wkt, geometry, 几何). Other columns become
 * attributes (whole numbers as integers, decimals as numbers, the rest as text). Every bad row is reported and nothing
 * is imported until all rows are good.
 */
public final class TableLayers {
    static final List<String> LON = List.of("经度", "lon", "lng", "longitude", "x", "东经");
    static final List<String> LAT = List.of("纬度", "lat", "latitude", "y", "北纬");
    static final List<String> WKT = List.of("wkt", "geometry", "geom", "几何", "图形");
    private static final GeometryFactory GF = new GeometryFactory();

    private TableLayers() {
    }

    public static Layer read(Path file, String name, String declaredCrs) {
        Table t = TableFiles.read(file);
        HeaderMap h = new HeaderMap(t.headers());
        Optional<Integer> wkt = h.find(WKT);
        Optional<Integer> lon = h.find(LON);
        Optional<Integer> lat = h.find(LAT);
        if (wkt.isEmpty() && (lon.isEmpty() || lat.isEmpty())) {
            throw new EcoAidException("map.error.noCoordinates", file);
        }
        String crs = declaredCrs == null ? CrsRegistry.CGCS2000 : declaredCrs;
        boolean geographic = CrsRegistry.isGeographic(crs);
        List<Integer> geometryColumns = new ArrayList<>();
        wkt.ifPresent(geometryColumns::add);
        if (wkt.isEmpty()) {
            geometryColumns.add(lon.get());
            geometryColumns.add(lat.get());
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < t.headers().size(); i++) {
            if (!geometryColumns.contains(i)) {
                fields.add(t.headers().get(i));
            }
        }
        List<Feature> features = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        WKTReader reader = new WKTReader(GF);
        for (Table.Row row : t.rows()) {
            Geometry g = null;
            if (wkt.isPresent()) {
                String text = row.get(wkt.get()).strip();
                try {
                    g = reader.read(text);
                } catch (ParseException | IllegalArgumentException e) {
                    problems.add(Problem.of(row.number(), h.header(wkt.get()), "map.problem.wkt", text));
                }
            } else {
                Double x = number(row.get(lon.get()));
                Double y = number(row.get(lat.get()));
                if (x == null || (geographic && (x < -180 || x > 180))) {
                    problems.add(Problem.of(row.number(), h.header(lon.get()), "map.problem.coordinate", row.get(lon.get())));
                } else if (y == null || (geographic && (y < -90 || y > 90))) {
                    problems.add(Problem.of(row.number(), h.header(lat.get()), "map.problem.coordinate", row.get(lat.get())));
                } else {
                    g = GF.createPoint(new Coordinate(x, y));
                }
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int i = 0; i < t.headers().size(); i++) {
                if (!geometryColumns.contains(i)) {
                    attrs.put(t.headers().get(i), value(row.get(i)));
                }
            }
            features.add(new Feature(g, attrs));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new Layer(name, crs, fields, features, List.of());
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Object value(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String t = s.strip();
        if (t.matches("-?(0|[1-9]\\d{0,17})")) {
            return Long.parseLong(t);
        }
        if (t.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
            return Double.parseDouble(t);
        }
        return s;
    }
}
