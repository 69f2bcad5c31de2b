package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.geo.GaussKruger;
import cn.ecoaid.geo.GridAllocator;
import cn.ecoaid.geo.RegularGrid;
import cn.ecoaid.io.HeaderMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Spatial allocation of annual emissions to a regular grid in the CGCS2000 3° Gauss-Krüger zone of the city: point
 * sources by coordinates, line sources (roads) by length, area sources by a proxy layer (weighted polygons) or by area;
 * and hourly grids for a day from
 * the temporal profiles of each source's category.
 */
public final class InventoryGridding {
    /**
     * A source to grid: annual emissions (kg) by pollutant, a geometry in longitude/latitude (point or polygon), the
     * proxy layer name for an area source (empty = by area), and category/sub-category/province for its time profile.
     */
    public record GridSource(String id, String category, String subCategory, String province, Geometry lonLat,
            String proxy, Map<Pollutant, Double> annualKg) {
    }

    /** The gridded result: the grid, the pollutants (layers) and the allocation, in zone {@code zone}. */
    public record Result(GaussKruger.Zone zone, List<Pollutant> pollutants, GridAllocator allocation,
            Map<Pollutant, Double> totalKg) {
    }

    private InventoryGridding() {
    }

    /**
     * The cells that received emissions as a map layer in the Gauss-Krüger zone of the grid: one square per cell with
     * {@code cell, row, col} and the annual tonnes of each pollutant ({@code <pollutant>_t}), for GeoPackage or GeoJSON.
     */
    public static cn.ecoaid.geo.Layer toLayer(Result r, String name) {
        cn.ecoaid.geo.RegularGrid g = r.allocation().grid();
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        List<cn.ecoaid.geo.Feature> features = new java.util.ArrayList<>();
        for (int c = 0; c < g.cells(); c++) {
            boolean any = false;
            for (int k = 0; k < r.pollutants().size(); k++) {
                any |= r.allocation().layer(k)[c] != 0;
            }
            if (!any) {
                continue;
            }
            Map<String, Object> attrs = new java.util.LinkedHashMap<>();
            attrs.put("cell", (long) c);
            attrs.put("row", (long) (c / g.nCols()));
            attrs.put("col", (long) (c % g.nCols()));
            for (int k = 0; k < r.pollutants().size(); k++) {
                attrs.put(r.pollutants().get(k).label() + "_t", r.allocation().layer(k)[c] / 1000);
            }
            features.add(new cn.ecoaid.geo.Feature(gf.toGeometry(g.cellEnvelope(c)), attrs));
        }
        return new cn.ecoaid.geo.Layer(name, "EPSG:" + r.zone().epsg(), features);
    }

    /** Grids the sources with cells of {@code cellSize} m in the zone of {@code cityLongitude} (NaN = mean of sources). */
    public static Result grid(List<GridSource> sources, Map<String, List<GridAllocator.WeightedPolygon>> proxiesLonLat,
            double cellSize, double cityLongitude, ProgressListener progress) {
        if (sources.isEmpty()) {
            throw new EcoAidException("inventory.error.noSources");
        }
        double lon = cityLongitude;
        if (Double.isNaN(lon)) {
            double s = 0;
            for (GridSource g : sources) {
                s += g.lonLat().getCentroid().getX();
            }
            lon = s / sources.size();
        }
        GaussKruger gk = GaussKruger.forLongitude(lon);
        List<Pollutant> pollutants = new ArrayList<>();
        for (GridSource g : sources) {
            for (Pollutant p : g.annualKg().keySet()) {
                if (!pollutants.contains(p)) {
                    pollutants.add(p);
                }
            }
        }
        pollutants.sort(null);
        List<Geometry> projected = new ArrayList<>(sources.size());
        Envelope env = new Envelope();
        for (GridSource g : sources) {
            Geometry p = gk.project(g.lonLat());
            projected.add(p);
            env.expandToInclude(p.getEnvelopeInternal());
        }
        Map<String, GridAllocator.ProxyLayer> layers = new HashMap<>();
        for (Map.Entry<String, List<GridAllocator.WeightedPolygon>> e : proxiesLonLat.entrySet()) {
            List<GridAllocator.WeightedPolygon> proj = new ArrayList<>();
            for (GridAllocator.WeightedPolygon w : e.getValue()) {
                proj.add(new GridAllocator.WeightedPolygon(gk.project(w.geometry()), w.weight()));
            }
            layers.put(e.getKey(), new GridAllocator.ProxyLayer(proj));
        }
        RegularGrid grid = RegularGrid.covering(env, cellSize, gk.zone().epsg());
        GridAllocator alloc = new GridAllocator(grid, pollutants.size());
        Map<Pollutant, Double> totals = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            if ((i & 1023) == 0) {
                progress.checkCancelled();
                progress.progress(i, sources.size());
            }
            GridSource s = sources.get(i);
            double[] amounts = new double[pollutants.size()];
            for (int k = 0; k < amounts.length; k++) {
                amounts[k] = s.annualKg().getOrDefault(pollutants.get(k), 0.0);
                totals.merge(pollutants.get(k), amounts[k], Double::sum);
            }
            Geometry g = projected.get(i);
            if (g instanceof Point pt) {
                alloc.addPoint(pt.getX(), pt.getY(), amounts);
            } else if (g.getDimension() == 1) {
                alloc.addLine(g, amounts);
            } else {
                GridAllocator.ProxyLayer layer = null;
                if (!s.proxy().isEmpty()) {
                    layer = layers.get(s.proxy());
                    if (layer == null) {
                        throw new EcoAidException("inventory.error.unknownProxy", s.id(), s.proxy());
                    }
                }
                alloc.addArea(g, layer, amounts);
            }
        }
        progress.progress(sources.size(), sources.size());
        return new Result(gk.zone(), pollutants, alloc, totals);
    }

    /**
     * Hourly grids of one day: for every cell, pollutant and hour, the sum over sources of the source's share in the
     * cell × its hourly amount. Returned as [pollutant][hour][cell], kg.
     */
    public static double[][][] hourly(List<GridSource> sources, Map<String, List<GridAllocator.WeightedPolygon>> proxies,
            double cellSize, double cityLongitude, LocalDate day, TemporalProfiles profiles) {
        Map<String, List<GridSource>> byProfile = new LinkedHashMap<>();
        for (GridSource s : sources) {
            byProfile.computeIfAbsent(s.category() + "|" + s.subCategory() + "|" + s.province(), k -> new ArrayList<>()).add(s);
        }
        Result all = grid(sources, proxies, cellSize, cityLongitude, ProgressListener.NONE);
        RegularGrid g = all.allocation().grid();
        double[][][] out = new double[all.pollutants().size()][24][g.cells()];
        for (List<GridSource> group : byProfile.values()) {
            GridSource first = group.get(0);
            TemporalProfiles.Profile p = profiles.profile(first.category(), first.subCategory(), first.province());
            double[] unit = TemporalProfiles.hourly(1.0, p, day);
            Result part = gridOn(group, proxies, g, all.zone());
            for (int k = 0; k < all.pollutants().size(); k++) {
                int pk = part.pollutants().indexOf(all.pollutants().get(k));
                if (pk < 0) {
                    continue;
                }
                double[] annual = part.allocation().layer(pk);
                for (int h = 0; h < 24; h++) {
                    double f = unit[h];
                    double[] dst = out[k][h];
                    for (int c = 0; c < annual.length; c++) {
                        dst[c] += annual[c] * f;
                    }
                }
            }
        }
        return out;
    }

    private static Result gridOn(List<GridSource> sources, Map<String, List<GridAllocator.WeightedPolygon>> proxies,
            RegularGrid grid, GaussKruger.Zone zone) {
        GaussKruger gk = new GaussKruger(zone);
        List<Pollutant> pollutants = new ArrayList<>(List.of(Pollutant.values()));
        GridAllocator alloc = new GridAllocator(grid, pollutants.size());
        Map<String, GridAllocator.ProxyLayer> layers = new HashMap<>();
        for (GridSource s : sources) {
            double[] amounts = new double[pollutants.size()];
            s.annualKg().forEach((p, v) -> amounts[p.ordinal()] = v);
            Geometry g = gk.project(s.lonLat());
            if (g instanceof Point pt) {
                alloc.addPoint(pt.getX(), pt.getY(), amounts);
            } else if (g.getDimension() == 1) {
                alloc.addLine(g, amounts);
            } else {
                GridAllocator.ProxyLayer layer = null;
                if (!s.proxy().isEmpty()) {
                    layer = layers.computeIfAbsent(s.proxy(), name -> {
                        List<GridAllocator.WeightedPolygon> proj = new ArrayList<>();
                        for (GridAllocator.WeightedPolygon w : proxies.getOrDefault(name, List.of())) {
                            proj.add(new GridAllocator.WeightedPolygon(gk.project(w.geometry()), w.weight()));
                        }
                        return new GridAllocator.ProxyLayer(proj);
                    });
                }
                alloc.addArea(g, layer, amounts);
            }
        }
        return new Result(zone, pollutants, alloc, Map.of());
    }

    /**
     * Reads grid sources: source_id, category, sub_category, province, lon, lat (points) or wkt (polygon in lon/lat),
     * proxy, and one column per pollutant with the annual emission in t.
     */
    public static List<GridSource> readSources(Table t) {
        HeaderMap h = new HeaderMap(t.headers());
        int id = h.find(List.of("source_id", "id", "排放源编号")).orElse(-1);
        int cat = h.find(List.of("category", "第一级")).orElse(-1);
        int sub = h.find(List.of("sub_category", "subcategory", "子类")).orElse(-1);
        int prov = h.find(List.of("province", "省份")).orElse(-1);
        int lon = h.find(List.of("lon", "longitude", "经度")).orElse(-1);
        int lat = h.find(List.of("lat", "latitude", "纬度")).orElse(-1);
        int wkt = h.find(List.of("wkt", "geometry", "几何")).orElse(-1);
        int proxy = h.find(List.of("proxy", "代用参数")).orElse(-1);
        Map<Pollutant, Integer> cols = new LinkedHashMap<>();
        for (int c = 0; c < t.headers().size(); c++) {
            final int col = c;
            Pollutant.find(t.headers().get(c)).ifPresent(p -> cols.putIfAbsent(p, col));
        }
        if (cols.isEmpty()) {
            throw new EcoAidException("inventory.error.missingColumn", "SO2/NOx/…");
        }
        WKTReader reader = new WKTReader();
        List<Problem> problems = new ArrayList<>();
        List<GridSource> out = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            String sid = id >= 0 && !r.get(id).isEmpty() ? r.get(id) : "row " + r.number();
            Geometry g = null;
            try {
                if (wkt >= 0 && !r.get(wkt).isEmpty()) {
                    g = GeometryFixer.fix(reader.read(r.get(wkt)));
                } else if (lon >= 0 && lat >= 0) {
                    double x = Double.parseDouble(r.get(lon));
                    double y = Double.parseDouble(r.get(lat));
                    if (x < 73 || x > 136 || y < 3 || y > 54) {
                        problems.add(Problem.of(r.number(), h.header(lon), "inventory.problem.coordinates", x + "," + y));
                        continue;
                    }
                    g = reader.read("POINT (" + x + " " + y + ")");
                }
            } catch (ParseException | NumberFormatException e) {
                problems.add(Problem.of(r.number(), h.header(wkt >= 0 ? wkt : lon), "inventory.problem.geometry", e.getMessage()));
                continue;
            }
            if (g == null) {
                problems.add(Problem.of(r.number(), "", "inventory.problem.noGeometry"));
                continue;
            }
            Map<Pollutant, Double> kg = new LinkedHashMap<>();
            for (Map.Entry<Pollutant, Integer> e : cols.entrySet()) {
                String v = r.get(e.getValue());
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    double tonnes = Double.parseDouble(v);
                    if (tonnes < 0) {
                        throw new NumberFormatException(v);
                    }
                    kg.put(e.getKey(), tonnes * 1000.0);
                } catch (NumberFormatException ex) {
                    problems.add(Problem.of(r.number(), h.header(e.getValue()), "inventory.problem.number", v));
                }
            }
            out.add(new GridSource(sid, FactorLibrary.cell(r, cat), FactorLibrary.cell(r, sub), FactorLibrary.cell(r, prov),
                    g, FactorLibrary.cell(r, proxy), kg));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }

    /** Reads proxy layers: layer, weight, wkt (polygon in lon/lat). */
    public static Map<String, List<GridAllocator.WeightedPolygon>> readProxies(Table t) {
        HeaderMap h = new HeaderMap(t.headers());
        int layer = FactorLibrary.need(h, "layer", "图层");
        int weight = FactorLibrary.need(h, "weight", "权重");
        int wkt = FactorLibrary.need(h, "wkt", "geometry", "几何");
        WKTReader reader = new WKTReader();
        List<Problem> problems = new ArrayList<>();
        Map<String, List<GridAllocator.WeightedPolygon>> out = new LinkedHashMap<>();
        for (Table.Row r : t.rows()) {
            try {
                double w = Double.parseDouble(r.get(weight));
                Geometry g = GeometryFixer.fix(reader.read(r.get(wkt)));
                out.computeIfAbsent(r.get(layer), k -> new ArrayList<>()).add(new GridAllocator.WeightedPolygon(g, w));
            } catch (NumberFormatException e) {
                problems.add(Problem.of(r.number(), h.header(weight), "inventory.problem.number", r.get(weight)));
            } catch (ParseException e) {
                problems.add(Problem.of(r.number(), h.header(wkt), "inventory.problem.geometry", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return out;
    }
}
