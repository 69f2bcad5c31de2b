package cn.ecoaid.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Allocates amounts (several layers, e.g. pollutants) to a {@link RegularGrid}: points to the cell containing them,
 * areas by the share of a proxy weight (a weighted polygon layer: population, road length, land use …) falling in
 * each cell, or by area when there is no proxy. Each proxy polygon's weight is spread evenly over its area. What falls
 * outside the grid is kept apart, so that inside + outside equals what was added (the last share of every source is
 * taken as the remainder).
 */
public final class GridAllocator {
    /** A proxy polygon and its weight. */
    public record WeightedPolygon(Geometry geometry, double weight) {
    }

    /** A proxy layer with a spatial index. */
    public static final class ProxyLayer {
        private final STRtree index = new STRtree();
        private final List<WeightedPolygon> polygons;

        public ProxyLayer(List<WeightedPolygon> polygons) {
            this.polygons = List.copyOf(polygons);
            for (WeightedPolygon p : this.polygons) {
                index.insert(p.geometry().getEnvelopeInternal(), p);
            }
            index.build();
        }

        @SuppressWarnings("unchecked")
        List<WeightedPolygon> query(Envelope e) {
            return index.query(e);
        }

        public List<WeightedPolygon> polygons() {
            return polygons;
        }
    }

    private final RegularGrid grid;
    private final double[][] values;
    private final double[] outside;
    private final double[] added;
    private final GeometryFactory gf = new GeometryFactory();

    public GridAllocator(RegularGrid grid, int layers) {
        this.grid = grid;
        this.values = new double[layers][grid.cells()];
        this.outside = new double[layers];
        this.added = new double[layers];
    }

    public RegularGrid grid() {
        return grid;
    }

    /** The allocated amounts of one layer, by cell index. */
    public double[] layer(int k) {
        return values[k];
    }

    /** Amount of one layer that fell outside the grid. */
    public double outside(int k) {
        return outside[k];
    }

    /** Everything added to one layer. */
    public double added(int k) {
        return added[k];
    }

    /** A point source at projected (x, y). */
    public void addPoint(double x, double y, double[] amounts) {
        int idx = grid.index(x, y);
        for (int k = 0; k < amounts.length; k++) {
            added[k] += amounts[k];
            if (idx < 0) {
                outside[k] += amounts[k];
            } else {
                values[k][idx] += amounts[k];
            }
        }
    }

    /** An area source (projected polygon), spread by the proxy layer (null = by area). */
    public void addArea(Geometry area, ProxyLayer proxy, double[] amounts) {
        List<int[]> cells = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        List<double[][]> rings = rings(area);
        if (proxy != null) {
            Envelope ae = area.getEnvelopeInternal();
            for (WeightedPolygon p : proxy.query(ae)) {
                double pa = p.geometry().getArea();
                if (pa <= 0 || p.weight() <= 0 || !p.geometry().getEnvelopeInternal().intersects(ae)) {
                    continue;
                }
                if (p.geometry().isRectangle()) {
                    // area ∩ rectangle ∩ cell is the area clipped to a rectangle: no general overlay needed
                    total += spread(rings, p.geometry().getEnvelopeInternal(), p.weight() / pa, cells, weights);
                } else {
                    Geometry piece = area.intersection(p.geometry());
                    if (!piece.isEmpty() && piece.getArea() > 0) {
                        total += spread(rings(piece), null, p.weight() / pa, cells, weights);
                    }
                }
            }
        }
        if (total <= 0) {
            cells.clear();
            weights.clear();
            total = spread(rings, null, 1.0, cells, weights);
        }
        double insideWeight = 0;
        for (double w : weights) {
            insideWeight += w;
        }
        for (int k = 0; k < amounts.length; k++) {
            double a = amounts[k];
            added[k] += a;
            if (total <= 0) {
                outside[k] += a;
                continue;
            }
            double given = 0;
            int largest = -1;
            for (int i = 0; i < cells.size(); i++) {
                double share = a * (weights.get(i) / total);
                values[k][cells.get(i)[0]] += share;
                given += share;
                if (largest < 0 || weights.get(i) > weights.get(largest)) {
                    largest = i;
                }
            }
            if (insideWeight >= total * (1 - 1e-12) && largest >= 0) {
                // wholly inside: the rounding remainder goes to the largest cell, nothing outside
                values[k][cells.get(largest)[0]] += a - given;
            } else {
                outside[k] += a - given;
            }
        }
    }

    /** A line source (projected line or multi-line, e.g. a road segment), spread by length in each cell. */
    public void addLine(Geometry line, double[] amounts) {
        java.util.Map<Integer, Double> len = new java.util.HashMap<>();
        double total = 0;
        for (int g = 0; g < line.getNumGeometries(); g++) {
            if (!(line.getGeometryN(g) instanceof LineString ls)) {
                continue;
            }
            for (int i = 0; i + 1 < ls.getNumPoints(); i++) {
                double ax = ls.getCoordinateN(i).x;
                double ay = ls.getCoordinateN(i).y;
                double bx = ls.getCoordinateN(i + 1).x;
                double by = ls.getCoordinateN(i + 1).y;
                double segLen = Math.hypot(bx - ax, by - ay);
                total += segLen;
                int c0 = Math.max(0, grid.col(Math.min(ax, bx)));
                int c1 = Math.min(grid.nCols() - 1, grid.col(Math.max(ax, bx)));
                int r0 = Math.max(0, grid.row(Math.min(ay, by)));
                int r1 = Math.min(grid.nRows() - 1, grid.row(Math.max(ay, by)));
                double cs = grid.cellSize();
                for (int r = r0; r <= r1; r++) {
                    for (int c = c0; c <= c1; c++) {
                        double f = clipSegment(ax, ay, bx, by, grid.x0() + c * cs, grid.y0() + r * cs,
                                grid.x0() + (c + 1) * cs, grid.y0() + (r + 1) * cs);
                        if (f > 0) {
                            len.merge(r * grid.nCols() + c, f * segLen, Double::sum);
                        }
                    }
                }
            }
        }
        for (int k = 0; k < amounts.length; k++) {
            double a = amounts[k];
            added[k] += a;
            if (total <= 0) {
                int idx = line.isEmpty() ? -1 : grid.index(line.getCoordinate().x, line.getCoordinate().y);
                if (idx < 0) {
                    outside[k] += a;
                } else {
                    values[k][idx] += a;
                }
                continue;
            }
            double given = 0;
            for (java.util.Map.Entry<Integer, Double> e : len.entrySet()) {
                double share = a * (e.getValue() / total);
                values[k][e.getKey()] += share;
                given += share;
            }
            outside[k] += a - given;
        }
    }

    /** Fraction (0–1) of segment a→b inside a rectangle (Liang–Barsky). */
    static double clipSegment(double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
        double dx = bx - ax;
        double dy = by - ay;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                // parallel to an edge: cells are half-open [x0, x1) × [y0, y1), so a segment on a shared border
                // belongs to one cell only
                if (q[i] < 0 || (q[i] == 0 && (i == 1 || i == 3))) {
                    return 0;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 > t0 ? t1 - t0 : 0;
    }

    /** Rings of the polygonal parts of a geometry as {xs, ys, sign}: +1 for shells, −1 for holes (closing point dropped). */
    static List<double[][]> rings(Geometry g) {
        List<double[][]> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly) {
                out.add(ring(poly.getExteriorRing(), 1));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    out.add(ring(poly.getInteriorRingN(h), -1));
                }
            } else if (part.getNumGeometries() > 1 || part instanceof org.locationtech.jts.geom.GeometryCollection) {
                if (part != g) {
                    out.addAll(rings(part));
                }
            }
        }
        return out;
    }

    private static double[][] ring(LineString r, int sign) {
        int n = r.getNumPoints() - 1;
        double[] xs = new double[Math.max(n, 0)];
        double[] ys = new double[Math.max(n, 0)];
        for (int i = 0; i < n; i++) {
            xs[i] = r.getCoordinateN(i).x;
            ys[i] = r.getCoordinateN(i).y;
        }
        return new double[][] {xs, ys, {sign}};
    }

    /** Area of the rings clipped to a rectangle (Sutherland–Hodgman against a convex window is exact for the area). */
    static double clippedArea(List<double[][]> rings, double x0, double y0, double x1, double y1) {
        double area = 0;
        for (double[][] r : rings) {
            double[][] c = clip(r[0], r[1], x0, y0, x1, y1);
            area += r[2][0] * Math.abs(shoelace(c[0], c[1]));
        }
        return area;
    }

    private static double shoelace(double[] xs, double[] ys) {
        int n = xs.length;
        double s = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            s += (xs[j] - xs[0]) * (ys[i] - ys[0]) - (xs[i] - xs[0]) * (ys[j] - ys[0]);
        }
        return s / 2.0;
    }

    /** Clips a ring to a rectangle, edge by edge. */
    static double[][] clip(double[] xs, double[] ys, double x0, double y0, double x1, double y1) {
        double[][] r = {xs, ys};
        r = clipEdge(r[0], r[1], 0, x0, true);
        r = clipEdge(r[0], r[1], 0, x1, false);
        r = clipEdge(r[0], r[1], 1, y0, true);
        return clipEdge(r[0], r[1], 1, y1, false);
    }

    /** Keeps the part with coordinate {@code axis} ≥ v (keepAbove) or ≤ v. */
    private static double[][] clipEdge(double[] xs, double[] ys, int axis, double v, boolean keepAbove) {
        int n = xs.length;
        if (n == 0) {
            return new double[][] {xs, ys};
        }
        double[] ox = new double[2 * n];
        double[] oy = new double[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ai = axis == 0 ? xs[i] : ys[i];
            double aj = axis == 0 ? xs[j] : ys[j];
            boolean inI = keepAbove ? ai >= v : ai <= v;
            boolean inJ = keepAbove ? aj >= v : aj <= v;
            if (inI) {
                ox[m] = xs[i];
                oy[m] = ys[i];
                m++;
            }
            if (inI != inJ) {
                double t = (v - ai) / (aj - ai);
                if (axis == 0) {
                    ox[m] = v;
                    oy[m] = ys[i] + t * (ys[j] - ys[i]);
                } else {
                    ox[m] = xs[i] + t * (xs[j] - xs[i]);
                    oy[m] = v;
                }
                m++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
    }

    /**
     * Adds (cell, density × area of the rings ∩ limit ∩ cell) pairs to the lists; returns density × area of the rings ∩
     * limit (inside the grid or not). {@code limit} null means no limit.
     */
    private double spread(List<double[][]> rings, Envelope limit, double density, List<int[]> cells, List<Double> weights) {
        Envelope e = new Envelope();
        for (double[][] r : rings) {
            for (int i = 0; i < r[0].length; i++) {
                e.expandToInclude(r[0][i], r[1][i]);
            }
        }
        if (limit != null) {
            e = e.intersection(limit);
            if (e.isNull()) {
                return 0;
            }
        }
        double whole = clippedArea(rings, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        int r0 = Math.max(0, grid.row(e.getMinY()));
        int r1 = Math.min(grid.nRows() - 1, grid.row(e.getMaxY()));
        int c0 = Math.max(0, grid.col(e.getMinX()));
        int c1 = Math.min(grid.nCols() - 1, grid.col(e.getMaxX()));
        double cs = grid.cellSize();
        for (int r = r0; r <= r1; r++) {
            double by0 = Math.max(grid.y0() + r * cs, e.getMinY());
            double by1 = Math.min(grid.y0() + (r + 1) * cs, e.getMaxY());
            if (by1 <= by0) {
                continue;
            }
            // clip to the row band first, then each cell of the band
            List<double[][]> band = new ArrayList<>(rings.size());
            for (double[][] ring : rings) {
                double[][] c = clip(ring[0], ring[1], e.getMinX(), by0, e.getMaxX(), by1);
                if (c[0].length >= 3) {
                    band.add(new double[][] {c[0], c[1], ring[2]});
                }
            }
            if (band.isEmpty()) {
                continue;
            }
            for (int c = c0; c <= c1; c++) {
                double bx0 = Math.max(grid.x0() + c * cs, e.getMinX());
                double bx1 = Math.min(grid.x0() + (c + 1) * cs, e.getMaxX());
                if (bx1 <= bx0) {
                    continue;
                }
                double a = clippedArea(band, bx0, by0, bx1, by1);
                if (a > 0) {
                    add(cells, weights, r * grid.nCols() + c, density * a);
                }
            }
        }
        return density * whole;
    }

    private static void add(List<int[]> cells, List<Double> weights, int idx, double w) {
        cells.add(new int[] {idx});
        weights.add(w);
    }
}
