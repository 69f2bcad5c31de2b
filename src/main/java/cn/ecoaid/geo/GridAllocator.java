package cn.ecoaid.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

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
        if (proxy != null) {
            for (WeightedPolygon p : proxy.query(area.getEnvelopeInternal())) {
                double pa = p.geometry().getArea();
                if (pa <= 0 || p.weight() <= 0 || !p.geometry().getEnvelopeInternal().intersects(area.getEnvelopeInternal())) {
                    continue;
                }
                Geometry piece = area.intersection(p.geometry());
                if (piece.isEmpty() || piece.getArea() <= 0) {
                    continue;
                }
                total += spread(piece, p.weight() / pa, cells, weights);
            }
        }
        if (total <= 0) {
            cells.clear();
            weights.clear();
            total = spread(area, 1.0, cells, weights);
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

    /** Adds (cell, density × area) pairs of a piece to the lists; returns density × whole piece area. */
    private double spread(Geometry piece, double density, List<int[]> cells, List<Double> weights) {
        Envelope e = piece.getEnvelopeInternal();
        int r0 = Math.max(0, grid.row(e.getMinY()));
        int r1 = Math.min(grid.nRows() - 1, grid.row(e.getMaxY()));
        int c0 = Math.max(0, grid.col(e.getMinX()));
        int c1 = Math.min(grid.nCols() - 1, grid.col(e.getMaxX()));
        double cs = grid.cellSize();
        for (int r = r0; r <= r1; r++) {
            double y0 = grid.y0() + r * cs;
            Geometry strip;
            if (r0 == r1 && e.getMinY() >= y0 && e.getMaxY() <= y0 + cs && e.getMinX() >= grid.x0() + c0 * cs
                    && e.getMaxX() <= grid.x0() + (c1 + 1) * cs) {
                strip = piece;
            } else {
                strip = piece.intersection(gf.toGeometry(new Envelope(grid.x0() + c0 * cs, grid.x0() + (c1 + 1) * cs, y0, y0 + cs)));
            }
            if (strip.isEmpty()) {
                continue;
            }
            Envelope se = strip.getEnvelopeInternal();
            int sc0 = Math.max(c0, grid.col(se.getMinX()));
            int sc1 = Math.min(c1, grid.col(se.getMaxX()));
            if (sc0 == sc1 && se.getMinX() >= grid.x0() + sc0 * cs && se.getMaxX() <= grid.x0() + (sc0 + 1) * cs) {
                add(cells, weights, r * grid.nCols() + sc0, density * strip.getArea());
                continue;
            }
            RelateNG prepared = RelateNG.prepare(strip);
            for (int c = sc0; c <= sc1; c++) {
                Geometry cell = gf.toGeometry(new Envelope(grid.x0() + c * cs, grid.x0() + (c + 1) * cs, y0, y0 + cs));
                double a;
                if (prepared.evaluate(cell, RelatePredicate.covers())) {
                    a = cs * cs;
                } else {
                    a = strip.intersection(cell).getArea();
                }
                if (a > 0) {
                    add(cells, weights, r * grid.nCols() + c, density * a);
                }
            }
        }
        return density * piece.getArea();
    }

    private static void add(List<int[]> cells, List<Double> weights, int idx, double w) {
        cells.add(new int[] {idx});
        weights.add(w);
    }
}
