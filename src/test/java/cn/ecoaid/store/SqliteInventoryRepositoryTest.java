package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.inventory.SavedInventory.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteInventoryRepositoryTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void keepsTheInputFilesAndWritesOutboxRowsWithThem() throws Exception {
        Path acts = file("activities.csv", "record_id,category,activity,unit\nA,工业源,5,t\n");
        Path ef = file("factors.csv", "factor_id,value\n");
        try (Workspace ws = TestWorkspaces.create(dir)) {
            int before = ws.outbox().pendingCount();
            SavedInventory inv = ws.inventories().create(" 2025 基准清单 ", 2025, "基准年",
                    Map.of(Role.ACTIVITIES, acts, Role.FACTORS, ef));
            assertEquals("2025 基准清单", inv.name());
            assertEquals(2, inv.inputs().size());
            assertEquals("activities.csv", inv.input(Role.ACTIVITIES).orElseThrow().fileName());
            assertArrayEquals(Files.readAllBytes(acts), Files.readAllBytes(ws.inventories().path(inv.input(Role.ACTIVITIES).orElseThrow())));
            // two attachments, the inventory row and two input rows
            assertEquals(before + 5, ws.outbox().pendingCount());
            assertEquals(1, ws.outbox().forEntity(inv.id()).size());
        }
        // survives a reopen
        try (Workspace ws = Workspace.open(dir.resolve("test.ecoaid"), TestWorkspaces.CLOCK, "t")) {
            SavedInventory inv = ws.inventories().findByName("2025 基准清单").orElseThrow();
            assertEquals(2025, inv.year());
            assertEquals("基准年", inv.notes());
        }
    }

    @Test
    void replacingAnInputTombstonesTheOldOne() throws Exception {
        Path acts = file("a.csv", "record_id\nA\n");
        Path acts2 = file("a2.csv", "record_id\nB\n");
        try (Workspace ws = TestWorkspaces.create(dir)) {
            SavedInventory inv = ws.inventories().create("x", 2024, "", Map.of(Role.ACTIVITIES, acts));
            SavedInventory after = ws.inventories().replaceInput(inv.id(), Role.ACTIVITIES, acts2);
            assertEquals("a2.csv", after.input(Role.ACTIVITIES).orElseThrow().fileName());
            assertEquals("record_id\nB\n", Files.readString(ws.inventories().path(after.input(Role.ACTIVITIES).orElseThrow())));
            assertEquals(1, after.inputs().size());
        }
    }

    @Test
    void refusesBadRecordsAndDuplicateNames() throws Exception {
        Path acts = file("a.csv", "record_id\nA\n");
        try (Workspace ws = TestWorkspaces.create(dir)) {
            InvalidRecordException bad = assertThrows(InvalidRecordException.class,
                    () -> ws.inventories().create(" ", 1800, "", Map.of()));
            assertEquals(List.of("name", "year", "activities"), bad.problems().stream().map(p -> p.field()).toList());
            ws.inventories().create("x", 2024, "", Map.of(Role.ACTIVITIES, acts));
            EcoAidException dup = assertThrows(EcoAidException.class,
                    () -> ws.inventories().create("x", 2025, "", Map.of(Role.ACTIVITIES, acts)));
            assertEquals("inventory.store.duplicateName", dup.key());
        }
    }

    @Test
    void deleteIsATombstoneAndFreesTheName() throws Exception {
        Path acts = file("a.csv", "record_id\nA\n");
        try (Workspace ws = TestWorkspaces.create(dir)) {
            SavedInventory inv = ws.inventories().create("x", 2024, "", Map.of(Role.ACTIVITIES, acts));
            ws.inventories().delete(inv.id());
            assertTrue(ws.inventories().list().isEmpty());
            assertFalse(ws.inventories().get(inv.id()).isPresent());
            assertEquals(Outbox.Kind.DELETE, ws.outbox().forEntity(inv.id()).get(1).kind());
            ws.inventories().create("x", 2025, "", Map.of(Role.ACTIVITIES, acts));
            assertEquals(1, ws.inventories().list().size());
            assertEquals("1", ws.integrityCheck().equals("ok") ? "1" : ws.integrityCheck());
        }
    }
}
