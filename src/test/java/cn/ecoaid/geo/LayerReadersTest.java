package cn.ecoaid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class LayerReadersTest {
    static final Charset GBK = Charset.forName("GBK");
    static final String GK117_PRJ = "PROJCS[\"CGCS2000_3_Degree_GK_CM_117E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    @TempDir
    Path dir;

    /** Two counties: 东城区 a 4 km × 3 km block with a 1 km² hole (ESRI order: shell clockwise, hole anticlockwise). */
    private Path writeCounties(boolean cpg, boolean polygonZ) throws Exception {
        Path shp = dir.resolve("县界.shp");
        double[] shell = {500000, 3430000, 500000, 3433000, 504000, 3433000, 504000, 3430000, 500000, 3430000};
        double[] hole = {501000, 3431000, 502000, 3431000, 502000, 3432000, 501000, 3432000, 501000, 3431000};
        double[] west = {496000, 3430000, 496000, 3433000, 500000, 3433000, 500000, 3430000, 496000, 3430000};
        int type = polygonZ ? 15 : 5;
        ShapefileFixture.writeShp(shp, type, List.of(ShapefileFixture.polygonContent(type, new double[][] {shell, hole}),
                ShapefileFixture.polygonContent(type, new double[][] {west})));
        ShapefileFixture.writeDbf(dir.resolve("县界.dbf"), GBK, (byte) 0, new String[] {"名称:C:20", "代码:C:6", "人口:N:10:0", "面积:N:12:3"},
                List.of(new String[] {"东城区", "340101", "520000", "11.000"}, new String[] {"西城区", "340102", "310000", "12.000"}));
        Files.writeString(dir.resolve("县界.prj"), GK117_PRJ);
        if (cpg) {
            Files.writeString(dir.resolve("县界.cpg"), "GBK");
        }
        return shp;
    }

    @Test
    void readsGbkShapefileAttributesWithAndWithoutCpg() throws Exception {
        for (boolean cpg : new boolean[] {true, false}) {
            Layer l = Shapefile.read(writeCounties(cpg, false), "县界", null);
            assertEquals("EPSG:4548", l.crs());
            assertEquals(List.of("名称", "代码", "人口", "面积"), l.fields());
            assertEquals("东城区", l.features().get(0).attributes().get("名称"));
            assertEquals("西城区", l.features().get(1).attributes().get("名称"));
            assertEquals(520000L, l.features().get(0).attributes().get("人口"));
            assertEquals(11.0, l.features().get(0).attributes().get("面积"));
            // 4 km × 3 km minus the 1 km² hole
            Polygon p = (Polygon) l.features().get(0).geometry();
            assertEquals(1, p.getNumInteriorRing());
            assertEquals(11_000_000.0, p.getArea(), 1e-6);
            assertEquals(12_000_000.0, l.features().get(1).geometry().getArea(), 1e-6);
        }
    }

    @Test
    void readsPolygonZAs2D() throws Exception {
        Layer l = Shapefile.read(writeCounties(true, true), "z", null);
        assertEquals(11_000_000.0, l.features().get(0).geometry().getArea(), 1e-6);
        assertTrue(Double.isNaN(l.features().get(0).geometry().getCoordinate().getZ()));
    }

    @Test
    void readsUtf8DbfWithoutCpgAndPointsWithDeclaredCrs() throws Exception {
        Path shp = dir.resolve("站点.shp");
        ShapefileFixture.writeShp(shp, 1, List.of(ShapefileFixture.pointContent(117.1, 31.2), ShapefileFixture.pointContent(117.3, 31.4)));
        ShapefileFixture.writeDbf(dir.resolve("站点.dbf"), StandardCharsets.UTF_8, (byte) 0, new String[] {"name:C:30"},
                List.of(new String[] {"市监测站"}, new String[] {"高新区站"}));
        Layer l = Shapefile.read(shp, "站点", CrsRegistry.CGCS2000);
        assertEquals("高新区站", l.features().get(1).attributes().get("name"));
        assertEquals(117.3, l.features().get(1).geometry().getCoordinate().x);
        // without .prj and without a declared system the reader refuses to guess
        EcoAidException e = assertThrows(EcoAidException.class, () -> Shapefile.read(shp, "站点", null));
        assertEquals("map.error.noCrs", e.key());
    }

    @Test
    void assignsHolesToTheShellThatContainsThemAndReadsLinesAndMultipoints() throws Exception {
        // two shells (clockwise) of 10 × 10 and 4 × 4; an anticlockwise 2 × 2 hole inside the second one
        double[] a = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
        double[] b = {20, 0, 20, 4, 24, 4, 24, 0, 20, 0};
        double[] hole = {21, 1, 23, 1, 23, 3, 21, 3, 21, 1};
        Path shp = dir.resolve("exclave.shp");
        ShapefileFixture.writeShp(shp, 5, List.of(ShapefileFixture.polygonContent(5, new double[][] {a, hole, b})));
        Layer l = Shapefile.read(shp, "e", "EPSG:4548");
        MultiPolygon mp = (MultiPolygon) l.features().get(0).geometry();
        assertEquals(2, mp.getNumGeometries());
        assertEquals(100 + 16 - 4, mp.getArea(), 1e-12);
        assertEquals(0, ((Polygon) mp.getGeometryN(0)).getNumInteriorRing());
        assertEquals(1, ((Polygon) mp.getGeometryN(1)).getNumInteriorRing());
        assertTrue(mp.isValid());

        Path lines = dir.resolve("rivers.shp");
        ShapefileFixture.writeShp(lines, 3, List.of(ShapefileFixture.polylineContent(new double[][] {{0, 0, 3, 4}, {10, 0, 10, 5}})));
        assertEquals(10.0, Shapefile.read(lines, "r", "EPSG:4548").features().get(0).geometry().getLength(), 1e-12);
        Path mpts = dir.resolve("pts.shp");
        ShapefileFixture.writeShp(mpts, 8, List.of(ShapefileFixture.multipointContent(1, 2, 3, 4, 5, 6)));
        org.locationtech.jts.geom.Geometry g = Shapefile.read(mpts, "m", "EPSG:4548").features().get(0).geometry();
        assertEquals(3, g.getNumGeometries());
        assertEquals(5.0, g.getGeometryN(2).getCoordinate().x);
    }

    @Test
    void recognisesPrjNames() {
        assertEquals("EPSG:4548", PrjCrs.fromWkt(GK117_PRJ).orElseThrow());
        String zone39 = GK117_PRJ.replace("CGCS2000_3_Degree_GK_CM_117E", "CGCS2000_3_Degree_GK_Zone_39")
                .replace("500000.0", "39500000.0");
        assertEquals("EPSG:4527", PrjCrs.fromWkt(zone39).orElseThrow());
        String sixZone20 = GK117_PRJ.replace("CGCS2000_3_Degree_GK_CM_117E", "CGCS2000_GK_Zone_20").replace("500000.0", "20500000.0");
        assertEquals("EPSG:4498", PrjCrs.fromWkt(sixZone20).orElseThrow());
        assertEquals("EPSG:4509", PrjCrs.fromWkt(GK117_PRJ.replace("CGCS2000_3_Degree_GK_CM_117E", "CGCS2000_GK_CM_117E")).orElseThrow());
        assertEquals("EPSG:4547", PrjCrs.fromWkt(GK117_PRJ.replace("CGCS2000_3_Degree_GK_CM_117E", "CGCS2000_3_Degree_GK_CM_114E")
                .replace("117.0", "114.0")).orElseThrow());
        assertEquals(CrsRegistry.CGCS2000, PrjCrs.fromWkt("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]").orElseThrow());
        assertEquals(CrsRegistry.WGS84, PrjCrs.fromWkt("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]").orElseThrow());
        assertEquals("EPSG:32650", PrjCrs.fromWkt("PROJCS[\"WGS_1984_UTM_Zone_50N\",GEOGCS[\"GCS_WGS_1984\"]]").orElseThrow());
        assertEquals("EPSG:4549", PrjCrs.fromWkt(CrsRegistry.wkt("EPSG:4549").orElseThrow()).orElseThrow());
        assertFalse(PrjCrs.fromWkt("PROJCS[\"Xian_1980_3_Degree_GK_CM_117E\",GEOGCS[\"GCS_Xian_1980\"]]").isPresent());
    }

    @Test
    void readsGeoJsonWithPropertiesAndWritesItBack() throws Exception {
        Path f = dir.resolve("企业.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},
                 "features":[
                  {"type":"Feature","properties":{"名称":"示例化工厂","排放量":12.5,"员工":300,"重点":true,"备注":null},
                   "geometry":{"type":"Point","coordinates":[117.2,31.8]}},
                  {"type":"Feature","properties":{"名称":"园区"},
                   "geometry":{"type":"Polygon","coordinates":[[[117.0,31.0],[117.1,31.0],[117.1,31.1],[117.0,31.1],[117.0,31.0]]]}}
                 ]}
                """);
        Layer l = GeoJson.read(f, "企业", null);
        assertEquals(CrsRegistry.CGCS2000, l.crs());
        assertEquals(List.of("名称", "排放量", "员工", "重点", "备注"), l.fields());
        Feature a = l.features().get(0);
        assertEquals("示例化工厂", a.attributes().get("名称"));
        assertEquals(12.5, a.attributes().get("排放量"));
        assertEquals(300L, a.attributes().get("员工"));
        assertEquals(Boolean.TRUE, a.attributes().get("重点"));
        assertTrue(a.attributes().containsKey("备注"));
        assertNull(a.attributes().get("备注"));
        Path out = dir.resolve("out.geojson");
        GeoJson.write(l, out);
        Layer back = GeoJson.read(out, "x", null);
        assertEquals(CrsRegistry.CGCS2000, back.crs());
        assertEquals(a.attributes(), back.features().get(0).attributes());
        assertTrue(back.features().get(1).geometry().equalsExact(l.features().get(1).geometry()));
    }

    @Test
    void readsKmlPlacemarksWithExtendedData() throws Exception {
        Path f = dir.resolve("a.kml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                 <Schema name="s" id="s"><SimpleField name="等级" type="string"/></Schema>
                 <Placemark><name>监测点1</name><ExtendedData><Data name="code"><value>A01</value></Data></ExtendedData>
                  <Point><coordinates>117.1,31.2,0</coordinates></Point></Placemark>
                 <Placemark><name>园区</name><ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="等级">省级</SimpleData></SchemaData></ExtendedData>
                  <MultiGeometry>
                   <Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 4,0 4,4 0,4 0,0</coordinates></LinearRing></outerBoundaryIs>
                    <innerBoundaryIs><LinearRing><coordinates>1,1 1,2 2,2 2,1 1,1</coordinates></LinearRing></innerBoundaryIs></Polygon>
                   <Polygon><outerBoundaryIs><LinearRing><coordinates>10,10 11,10 11,11 10,11</coordinates></LinearRing></outerBoundaryIs></Polygon>
                  </MultiGeometry></Placemark>
                 <Folder><Placemark><name>河</name><LineString><coordinates>0,0 3,4</coordinates></LineString></Placemark></Folder>
                </Document></kml>
                """);
        Layer l = Kml.read(f, "a", null);
        assertEquals(3, l.features().size());
        assertEquals("A01", l.features().get(0).attributes().get("code"));
        assertEquals(117.1, l.features().get(0).geometry().getCoordinate().x);
        assertEquals("省级", l.features().get(1).attributes().get("等级"));
        MultiPolygon mp = (MultiPolygon) l.features().get(1).geometry();
        assertEquals(16 - 1 + 1, mp.getArea(), 1e-12);
        assertEquals(5.0, l.features().get(2).geometry().getLength(), 1e-12);
        assertEquals("河", l.features().get(2).attributes().get("name"));
    }

    @Test
    void kmlRefusesDoctypes() throws Exception {
        Path f = dir.resolve("x.kml");
        Files.writeString(f, "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><kml>&e;</kml>");
        assertEquals("map.error.kmlInvalid", assertThrows(EcoAidException.class, () -> Kml.read(f, "x", null)).key());
    }
}
