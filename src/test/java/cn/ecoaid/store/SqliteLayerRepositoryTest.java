package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.Feature;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.LayerRepository;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class SqliteLayerRepositoryTest {
    static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    static Layer counties() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("名称", "东城区");
        a.put("人口", 520000L);
        a.put("面积", 11.5);
        a.put("重点", true);
        a.put("备注", null);
        return new Layer("县界", "EPSG:4548", List.of("名称", "人口", "面积", "重点", "备注"), List.of(
                new Feature(GF.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(10, 10),
                    new Coordinate(0, 0)}), a),
                new Feature(null, Map.of("名称", "无图形"))), List.of(new Layer.Repair(0, "Self-intersection")));
    }

    @Test
    void storesLoadsRestylesAndDeletesWithOutboxOperations() {
        Path file;
        String id;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
            SqliteLayerRepository repo = SqliteLayerRepository.of(ws);
            int before = ws.outbox().pendingCount();
            LayerRepository.Info info = repo.add(counties(), "{\"fill\":\"#ff0000\"}", new LayerRepository.Source("县界.shp", "shp", "ab"));
            id = info.id();
            assertEquals(2, info.featureCount());
            assertEquals(1, info.repairs());
            assertEquals(List.of("名称", "人口", "面积", "重点", "备注"), info.fields());
            assertEquals(before + 3, ws.outbox().pendingCount(), "the layer, its features file, the layer's link to the file");
            assertTrue(ws.outbox().forEntity(id).get(0).changes().contains("features_sha256"));
            assertTrue(ws.outbox().forEntity(id).get(1).changes().contains("features_attachment"));
            EcoAidException dup = assertThrows(EcoAidException.class, () -> repo.add(counties(), "{}", null));
            assertEquals("map.layer.error.duplicate", dup.key());
            assertEquals(before + 3, ws.outbox().pendingCount(), "a refused write leaves no operation");
        }
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "t")) {
            SqliteLayerRepository repo = SqliteLayerRepository.of(ws);
            Layer back = repo.load(repo.findByName("县界").orElseThrow().id());
            Layer orig = counties();
            assertEquals("EPSG:4548", back.crs());
            assertEquals(orig.features().get(0).attributes(), back.features().get(0).attributes());
            assertEquals(List.copyOf(orig.features().get(0).attributes().keySet()), List.copyOf(back.features().get(0).attributes().keySet()));
            assertTrue(back.features().get(0).geometry().equalsExact(orig.features().get(0).geometry()));
            assertEquals(null, back.features().get(1).geometry());
            repo.setStyle(id, "{\"fill\":\"#00ff00\"}");
            assertEquals("{\"fill\":\"#00ff00\"}", repo.list().get(0).style());
            repo.delete(id);
            assertTrue(repo.list().isEmpty());
            assertEquals(4, ws.outbox().forEntity(id).size());
            // the name is free again
            repo.add(counties(), "{}", null);
            assertEquals(1, repo.list().size());
        }
    }
}
