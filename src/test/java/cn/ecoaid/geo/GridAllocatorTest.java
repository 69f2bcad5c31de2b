package cn.ecoaid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class GridAllocatorTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final RegularGrid GRID = new RegularGrid(0, 0, 1000, 10, 10, 4549);

    static Geometry box(double x0, double y0, double x1, double y1) {
        return GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void pointsGoToTheirCellOrOutside() {
        GridAllocator a = new GridAllocator(GRID, 1);
        a.addPoint(1500, 2500, new double[] {7});
        a.addPoint(-1, 500, new double[] {3});
        assertEquals(7, a.layer(0)[2 * 10 + 1]);
        assertEquals(3, a.outside(0));
        assertEquals(10, a.added(0));
    }

    @Test
    void areaSplitsByCellArea() {
        // 1 000 m × 2 000 m box from (500, 0): cells (0,0),(0,1),(1,0),(1,1) each get 1/4
        GridAllocator a = new GridAllocator(GRID, 1);
        a.addArea(box(500, 0, 1500, 2000), null, new double[] {100});
        assertEquals(25, a.layer(0)[0], 1e-12);
        assertEquals(25, a.layer(0)[1], 1e-12);
        assertEquals(25, a.layer(0)[10], 1e-12);
        assertEquals(25, a.layer(0)[11], 1e-12);
    }

    @Test
    void holesAndMultiPolygonsCount() throws Exception {
        // 3 × 3 km square with a 1 km hole in the middle: 8 cells of 1 km² each get 1/8; plus a second 1 km² part in
        // cell (row 5, col 5) → 9 km² in all, each cell 1/9
        Geometry g = new org.locationtech.jts.io.WKTReader().read("MULTIPOLYGON (((0 0, 3000 0, 3000 3000, 0 3000, 0 0), "
                + "(1000 1000, 2000 1000, 2000 2000, 1000 2000, 1000 1000)), ((5000 5000, 6000 5000, 6000 6000, 5000 6000, 5000 5000)))");
        GridAllocator a = new GridAllocator(GRID, 1);
        a.addArea(g, null, new double[] {90});
        assertEquals(0, a.layer(0)[11], 1e-12);
        assertEquals(10, a.layer(0)[0], 1e-12);
        assertEquals(10, a.layer(0)[22], 1e-12);
        assertEquals(10, a.layer(0)[55], 1e-12);
        assertEquals(90, sum(a.layer(0)), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
        // along y = 500 from x = 0 to 3000: cells 0, 1, 2 get a third each
        "LINESTRING (0 500, 3000 500); 0:30,1:30,2:30; 0",
        // on the border y = 1000: belongs to the row above (half-open cells)
        "LINESTRING (0 1000, 2000 1000); 10:45,11:45; 0",
        // diagonal (0,0)→(2000,2000): cells 0 and 11 get half each (touching 1 and 10 at one point only)
        "LINESTRING (0 0, 2000 2000); 0:45,11:45; 0",
        // from x = −1000 to 2000 on y = 500: a third outside
        "LINESTRING (-1000 500, 2000 500); 0:30,1:30; 30",
        // two parts: 1 km in cell 0 and 2 km over cells 5, 6 (row 0) → 30, 30, 30
        "MULTILINESTRING ((0 500, 1000 500), (5000 500, 7000 500)); 0:30,5:30,6:30; 0"})
    void linesSplitByLength(String wkt, String expected, double outside) throws Exception {
        GridAllocator a = new GridAllocator(GRID, 1);
        a.addLine(new org.locationtech.jts.io.WKTReader().read(wkt), new double[] {90});
        double listed = 0;
        for (String kv : expected.split(",")) {
            String[] p = kv.split(":");
            assertEquals(Double.parseDouble(p[1]), a.layer(0)[Integer.parseInt(p[0])], 1e-9, wkt + " cell " + p[0]);
            listed += Double.parseDouble(p[1]);
        }
        assertEquals(listed, sum(a.layer(0)), 1e-9);
        assertEquals(outside, a.outside(0), 1e-9);
    }

    @Test
    void proxyWeightsDecideTheShares() {
        // area source covers cells 0 and 1 (2 000 × 1 000 m); proxy: population 300 in cell 0, 100 in cell 1 → 75 % / 25 %
        GridAllocator.ProxyLayer pop = new GridAllocator.ProxyLayer(List.of(
                new GridAllocator.WeightedPolygon(box(0, 0, 1000, 1000), 300),
                new GridAllocator.WeightedPolygon(box(1000, 0, 2000, 1000), 100)));
        GridAllocator a = new GridAllocator(GRID, 2);
        a.addArea(box(0, 0, 2000, 1000), pop, new double[] {80, 8});
        assertEquals(60, a.layer(0)[0], 1e-12);
        assertEquals(20, a.layer(0)[1], 1e-12);
        assertEquals(6, a.layer(1)[0], 1e-12);
        // a proxy polygon half inside the source counts with half its weight: source (0..1500) gets 300 + 50 → 6/7, 1/7
        GridAllocator b = new GridAllocator(GRID, 1);
        b.addArea(box(0, 0, 1500, 1000), pop, new double[] {70});
        assertEquals(60, b.layer(0)[0], 1e-12);
        assertEquals(10, b.layer(0)[1], 1e-12);
    }

    static Polygon randomPolygon(SplittableRandom r, double cx, double cy, double radius) {
        int n = 5 + r.nextInt(10);
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double ang = 2 * Math.PI * i / n;
            double rad = radius * (0.4 + 0.6 * r.nextDouble());
            c[i] = new Coordinate(cx + rad * Math.cos(ang), cy + rad * Math.sin(ang));
        }
        c[n] = c[0];
        return GF.createPolygon(c);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void conservesMassAndMatchesIndependentCellIntersections(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GridAllocator a = new GridAllocator(GRID, 1);
        double total = 0;
        double[] expected = new double[GRID.cells()];
        double expectedOutside = 0;
        List<GridAllocator.WeightedPolygon> proxies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            proxies.add(new GridAllocator.WeightedPolygon(randomPolygon(r, r.nextDouble() * 10000, r.nextDouble() * 10000, 2500),
                    1 + r.nextInt(100)));
        }
        GridAllocator.ProxyLayer layer = new GridAllocator.ProxyLayer(proxies);
        for (int i = 0; i < 200; i++) {
            // some polygons stick out of the grid
            Polygon p = randomPolygon(r, -1000 + r.nextDouble() * 12000, -1000 + r.nextDouble() * 12000, 200 + r.nextDouble() * 3000);
            double amount = r.nextDouble() * 1000;
            total += amount;
            if (i % 2 == 0) {
                a.addArea(p, null, new double[] {amount});
                // independent: amount × area(p ∩ cell) / area(p), cell by cell
                double inside = 0;
                for (int c = 0; c < GRID.cells(); c++) {
                    double x0 = GRID.x0() + (c % 10) * 1000;
                    double y0 = GRID.y0() + (c / 10) * 1000;
                    double share = amount * p.intersection(box(x0, y0, x0 + 1000, y0 + 1000)).getArea() / p.getArea();
                    expected[c] += share;
                    inside += share;
                }
                expectedOutside += amount - inside;
            } else {
                GridAllocator b = new GridAllocator(GRID, 1);
                b.addArea(p, layer, new double[] {amount});
                assertEquals(amount, sum(b.layer(0)) + b.outside(0), amount * 1e-12);
                a.addArea(p, layer, new double[] {amount});
                for (int c = 0; c < GRID.cells(); c++) {
                    expected[c] += b.layer(0)[c];
                }
                expectedOutside += b.outside(0);
            }
        }
        for (int i = 0; i < 500; i++) {
            double amount = r.nextDouble();
            total += amount;
            double x = -500 + r.nextDouble() * 11000;
            double y = -500 + r.nextDouble() * 11000;
            a.addPoint(x, y, new double[] {amount});
            int idx = GRID.index(x, y);
            if (idx < 0) {
                expectedOutside += amount;
            } else {
                expected[idx] += amount;
            }
        }
        assertEquals(total, a.added(0), total * 1e-13);
        assertEquals(total, sum(a.layer(0)) + a.outside(0), total * 1e-12);
        for (int c = 0; c < GRID.cells(); c++) {
            assertEquals(expected[c], a.layer(0)[c], 1e-9 * total, "cell " + c);
        }
        assertEquals(expectedOutside, a.outside(0), 1e-9 * total);
    }
}
