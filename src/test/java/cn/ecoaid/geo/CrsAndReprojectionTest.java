package cn.ecoaid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class CrsAndReprojectionTest {
    static final GeometryFactory GF = new GeometryFactory();

    @Test
    void projects120E30NIntoEpsg4549AsPublished() {
        // The value quoted in issue 7 (GDAL/PROJ: cs2cs EPSG:4490 EPSG:4549 → 500000.000 3320113.398).
        double[] xy = new Reprojection(CrsRegistry.CGCS2000, "EPSG:4549").transform(120.0, 30.0);
        assertEquals(500000.000, xy[0], 1e-3);
        assertEquals(3320113.398, xy[1], 1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // Both numbering families give the same northing; the zone families add the zone number to the false easting.
        "EPSG:4528, 40500000.000", // 3° zone 40 (CM 120°E)
        "EPSG:4549, 500000.000", // 3° CM 120°E
        "EPSG:4511, 500000.000", // 6° CM 129°E (4502 + (129 − 75) / 6), checked on its own meridian below
    })
    void bothNumberingFamiliesAgreeOnTheNorthing(String code, double easting) {
        if (code.equals("EPSG:4511")) {
            // CM 129°E: a point on its central meridian projects to FE 500000.
            double[] xy = new Reprojection(CrsRegistry.CGCS2000, code).transform(129.0, 30.0);
            assertEquals(500000.0, xy[0], 1e-3);
            assertEquals(3320113.398, xy[1], 1e-3);
            return;
        }
        double[] xy = new Reprojection(CrsRegistry.CGCS2000, code).transform(120.0, 30.0);
        assertEquals(easting, xy[0], 1e-3);
        assertEquals(3320113.398, xy[1], 1e-3);
    }

    @Test
    void zoneCodesFollowTheEpsgNumbering() {
        assertEquals("EPSG:4549", CrsRegistry.gk3ByCentralMeridian(120));
        assertEquals("EPSG:4534", CrsRegistry.gk3ByCentralMeridian(75));
        assertEquals("EPSG:4554", CrsRegistry.gk3ByCentralMeridian(135));
        assertEquals("EPSG:4513", CrsRegistry.gk3ByZone(25));
        assertEquals("EPSG:4528", CrsRegistry.gk3ByZone(40));
        assertEquals("EPSG:4491", CrsRegistry.gk6ByZone(13));
        assertEquals("EPSG:4501", CrsRegistry.gk6ByZone(23));
        assertEquals("EPSG:4502", CrsRegistry.gk6ByCentralMeridian(75));
        assertEquals("EPSG:4508", CrsRegistry.gk6ByCentralMeridian(111));
        assertEquals("EPSG:32650", CrsRegistry.utm(50, true));
        assertEquals("EPSG:32750", CrsRegistry.utm(50, false));
        assertThrows(EcoAidException.class, () -> CrsRegistry.gk3ByCentralMeridian(121));
        // 6° zone 20 has CM 117°E = 20 × 6 − 3: a point on it gets easting 20 500 000.
        double[] xy = new Reprojection(CrsRegistry.CGCS2000, CrsRegistry.gk6ByZone(20)).transform(117.0, 30.0);
        assertEquals(20_500_000.0, xy[0], 1e-3);
        assertEquals(3320113.398, xy[1], 1e-3);
        // 3° zone 40 is CM 120°E.
        xy = new Reprojection(CrsRegistry.CGCS2000, CrsRegistry.gk3ByZone(40)).transform(120.0, 30.0);
        assertEquals(40_500_000.0, xy[0], 1e-3);
    }

    @Test
    void parsesUserNames() {
        assertEquals(CrsRegistry.CGCS2000, CrsRegistry.parse("国家2000"));
        assertEquals(CrsRegistry.CGCS2000, CrsRegistry.parse("epsg:4490"));
        assertEquals("EPSG:4549", CrsRegistry.parse("4549"));
        assertEquals(CrsRegistry.GCJ02, CrsRegistry.parse("GCJ-02"));
        assertEquals(CrsRegistry.WGS84, CrsRegistry.parse("WGS 84"));
        assertEquals(CrsRegistry.WEB_MERCATOR, CrsRegistry.parse("Web Mercator"));
        assertThrows(EcoAidException.class, () -> CrsRegistry.parse("Mars"));
        assertTrue(CrsRegistry.isGeographic(CrsRegistry.CGCS2000));
        assertTrue(!CrsRegistry.isGeographic("EPSG:4549"));
    }

    @Test
    void webMercatorMatchesTheSphericalFormula() {
        // x = R λ, y = R ln tan(π/4 + φ/2), R = 6 378 137 m.
        double r = 6378137.0;
        double[] xy = new Reprojection(CrsRegistry.WGS84, CrsRegistry.WEB_MERCATOR).transform(117.0, 31.0);
        assertEquals(r * Math.toRadians(117.0), xy[0], 1e-3);
        assertEquals(r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(31.0) / 2)), xy[1], 1e-3);
    }

    @Test
    void utmIsTransverseMercatorWithScale09996() {
        // On the central meridian of zone 50 (117°E) easting is 500 000 and northing is 0.9996 × the meridian arc.
        double[] xy = new Reprojection(CrsRegistry.WGS84, CrsRegistry.utm(50, true)).transform(117.0, 30.0);
        assertEquals(500000.0, xy[0], 1e-3);
        // WGS84 and GRS80 arcs differ by < 0.1 mm at 30°N; the GRS80 arc is the 4549 northing above.
        assertEquals(0.9996 * 3320113.398, xy[1], 2e-3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EPSG:4548", "EPSG:4527", "EPSG:4498", "EPSG:4509", "EPSG:3857", "EPSG:32650", "GCJ02", "EPSG:4326"})
    void roundTripsReturnThePoint(String code) {
        Reprojection there = new Reprojection(CrsRegistry.CGCS2000, code);
        Reprojection back = new Reprojection(code, CrsRegistry.CGCS2000);
        for (double[] p : new double[][] {{117.25, 31.86}, {118.9, 30.1}, {116.3, 32.7}}) {
            double[] xy = there.transform(p[0], p[1]);
            double[] ll = back.transform(xy[0], xy[1]);
            assertEquals(p[0], ll[0], 1e-9);
            assertEquals(p[1], ll[1], 1e-9);
        }
    }

    @Test
    void gcj02OffsetMatchesThePublishedVector() {
        // coordtransform / eviltransform README: wgs84togcj02(116.404, 39.915) = (116.41024449916938, 39.91640428150164)
        double[] g = Gcj02.fromWgs84(116.404, 39.915);
        assertEquals(116.41024449916938, g[0], 1e-12);
        assertEquals(39.91640428150164, g[1], 1e-12);
        double[] w = Gcj02.toWgs84(g[0], g[1]);
        assertEquals(116.404, w[0], 1e-9);
        assertEquals(39.915, w[1], 1e-9);
        // Outside China nothing moves.
        assertEquals(2.35, Gcj02.fromWgs84(2.35, 48.85)[0]);
    }

    @Test
    void reprojectsGeometriesFromGcj02() {
        double[] g = Gcj02.fromWgs84(116.404, 39.915);
        Geometry p = GF.createPoint(new Coordinate(g[0], g[1]));
        Geometry w = new Reprojection(CrsRegistry.GCJ02, CrsRegistry.CGCS2000).transform(p);
        assertEquals(116.404, w.getCoordinate().x, 1e-9);
        assertEquals(39.915, w.getCoordinate().y, 1e-9);
    }

    static Polygon rectangle(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    @Test
    void measuresAreaAndLengthInTheCitysZone() {
        // An L-shaped plot drawn in EPSG:4548 (CM 117°E): 2 km × 1 km plus 1 km × 1 km = 3 km² by hand; perimeter 8 km.
        Polygon l = GF.createPolygon(new Coordinate[] {new Coordinate(500000, 3430000), new Coordinate(502000, 3430000),
            new Coordinate(502000, 3431000), new Coordinate(501000, 3431000), new Coordinate(501000, 3432000),
            new Coordinate(500000, 3432000), new Coordinate(500000, 3430000)});
        assertEquals(3_000_000.0, Measure.area(l, "EPSG:4548"), 1e-6);
        // The same polygon given in CGCS2000 lon/lat is measured back in zone 117°E (chosen from its longitude).
        Geometry lonLat = new Reprojection("EPSG:4548", CrsRegistry.CGCS2000).transform(l);
        assertEquals("EPSG:4548", Measure.measuringCrs(lonLat, CrsRegistry.CGCS2000));
        assertEquals(3_000_000.0, Measure.area(lonLat, CrsRegistry.CGCS2000), 1e-3);
        assertEquals(8000.0, Measure.length(lonLat.getBoundary(), CrsRegistry.CGCS2000), 1e-6);
    }

    @Test
    void repairsInvalidGeometriesAndSaysWhich() {
        // A bow-tie (self-intersecting) ring: two triangles of 0.5 each.
        Polygon bowTie = GF.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1), new Coordinate(1, 0),
            new Coordinate(0, 1), new Coordinate(0, 0)});
        Layer layer = new Layer("t", "EPSG:4549", java.util.List.of(new Feature(rectangle(0, 0, 1, 1), java.util.Map.of("n", 1L)),
                new Feature(bowTie, java.util.Map.of("n", 2L))));
        Layer fixed = GeometryRepair.repair(layer);
        assertEquals(1, fixed.repairs().size());
        assertEquals(1, fixed.repairs().get(0).feature());
        assertTrue(fixed.features().get(1).geometry().isValid());
        assertEquals(0.5, fixed.features().get(1).geometry().getArea(), 1e-12);
        assertEquals(2L, fixed.features().get(1).attributes().get("n"));
    }
}
