package cn.ecoaid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.store.GeoPackageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class LayerFilesTest {
    static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    static Geometry square(double x, double y, double s) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y), new Coordinate(x + s, y + s),
            new Coordinate(x, y + s), new Coordinate(x, y)});
    }

    @Test
    void geoPackageRoundTripKeepsGeometryAttributesAndCrs() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("名称", "东城区");
        a.put("人口", 520000L);
        a.put("面积", 11.5);
        a.put("备注", null);
        Layer layer = new Layer("县界", "EPSG:4548", List.of(new Feature(square(500000, 3430000, 1000), a),
                new Feature(GF.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
                    (org.locationtech.jts.geom.Polygon) square(0, 0, 1), (org.locationtech.jts.geom.Polygon) square(5, 5, 2)}),
                        Map.of("名称", "西城区"))));
        Path gpkg = dir.resolve("out.gpkg");
        LayerFiles.write(layer, gpkg);
        assertEquals(List.of("县界"), GeoPackageFiles.featureTables(gpkg));
        Layer back = LayerFiles.read(gpkg.toString(), null);
        assertEquals("EPSG:4548", back.crs());
        assertEquals(List.of("名称", "人口", "面积", "备注"), back.fields());
        assertEquals("东城区", back.features().get(0).attributes().get("名称"));
        assertEquals(520000L, back.features().get(0).attributes().get("人口"));
        assertEquals(11.5, back.features().get(0).attributes().get("面积"));
        assertTrue(back.features().get(0).geometry().equalsExact(layer.features().get(0).geometry()));
        assertEquals(5.0, back.features().get(1).geometry().getArea(), 1e-12);
        assertEquals(0, back.repairs().size());
    }

    @Test
    void geoPackageHeaderIsTheStandardOne() throws Exception {
        Path gpkg = dir.resolve("h.gpkg");
        LayerFiles.write(new Layer("p", CrsRegistry.CGCS2000, List.of(new Feature(GF.createPoint(new Coordinate(117, 31)), Map.of()))), gpkg);
        byte[] b = Files.readAllBytes(gpkg);
        // application_id at offset 68 is "GPKG"; user_version at 60 is 10300 (both big-endian in the SQLite header)
        assertEquals("GPKG", new String(b, 68, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(10300, java.nio.ByteBuffer.wrap(b, 60, 4).getInt());
        assertEquals(CrsRegistry.CGCS2000, LayerFiles.read(gpkg + "#p", null).crs());
    }

    @Test
    void gcj02LayersKeepTheirSystemThroughAGeoPackage() {
        Path gpkg = dir.resolve("gcj.gpkg");
        LayerFiles.write(new Layer("g", CrsRegistry.GCJ02, List.of(new Feature(GF.createPoint(new Coordinate(116.41, 39.916)), Map.of()))), gpkg);
        assertEquals(CrsRegistry.GCJ02, LayerFiles.read(gpkg.toString(), null).crs());
    }

    @Test
    void readingRepairsInvalidPolygonsAndReportsThem() throws Exception {
        Path f = dir.resolve("bad.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"n":"ok"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}},
                 {"type":"Feature","properties":{"n":"bowtie"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}]}
                """);
        Layer l = LayerFiles.read(f.toString(), CrsRegistry.CGCS2000);
        assertEquals(1, l.repairs().size());
        assertEquals(1, l.repairs().get(0).feature());
        assertTrue(l.repairs().get(0).reason().contains("Self-intersection"), l.repairs().get(0).reason());
        assertTrue(l.features().get(1).geometry().isValid());
        // the two triangles of the bow-tie, each 1 × 2 / 2
        assertEquals(2.0, l.features().get(1).geometry().getArea(), 1e-12);
        assertEquals("bowtie", l.features().get(1).attributes().get("n"));
    }
}
