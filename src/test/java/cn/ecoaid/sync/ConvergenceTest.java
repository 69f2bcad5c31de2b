package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.Wire;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two and three devices of one team edit the same sites offline, then sync: all converge on the server's state, disjoint
 * field edits merge, the one same-field edit with different values is a conflict holding base, mine and theirs, an update
 * against a delete keeps the tombstone, and the team lead's resolution reaches every device.
 */
class ConvergenceTest {
    @TempDir
    Path dir;

    @Test
    void twoDevicesEditingTheSameSitesOfflineConvergeWithOneConflict() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            SyncHarness.Device b = h.member("b", h.teamA);
            Site s1 = Site.create("S1", "一号站", SiteType.AIR_STATION, 116.0, 39.0);
            Site s2 = Site.create("S2", "二号站", SiteType.AIR_STATION, 116.1, 39.1);
            Site s3 = Site.create("S3", "三号断面", SiteType.WATER_SECTION, 117.0, 38.0);
            a.ws().sites().addAll(List.of(s1, s2, s3));
            SyncHarness.syncAll(List.of(a, b));
            assertEquals(SyncHarness.names(a.ws()), SyncHarness.names(b.ws()));

            // Offline: the same field with different values (conflict), disjoint fields (merge), update against delete.
            a.ws().sites().update(a.ws().sites().get(s1.id()).orElseThrow().withName("甲改名"));
            b.ws().sites().update(b.ws().sites().get(s1.id()).orElseThrow().withName("乙改名"));
            a.ws().sites().update(a.ws().sites().get(s2.id()).orElseThrow().withName("二号站（新）"));
            b.ws().sites().update(b.ws().sites().get(s2.id()).orElseThrow().withCoordinates(116.25, 39.25));
            a.ws().sites().delete(s3.id());
            b.ws().sites().update(b.ws().sites().get(s3.id()).orElseThrow().withAdminCode("110101"));
            // The same value on both sides is no conflict.
            a.ws().sites().update(a.ws().sites().get(s1.id()).orElseThrow().withAdminCode("110105"));
            b.ws().sites().update(b.ws().sites().get(s1.id()).orElseThrow().withAdminCode("110105"));
            Site onlyB = Site.create("S4", "乙新建", SiteType.POLLUTION_SOURCE, 118.0, 37.0);
            b.ws().sites().add(onlyB);

            SyncEngine.Report ra = a.engine().sync();
            SyncEngine.Report rb = b.engine().sync();
            assertEquals(0, ra.conflicts());
            assertEquals(2, rb.conflicts(), "the name of S1 and the update of deleted S3");
            SyncHarness.syncAll(List.of(a, b));
            h.assertConverged(h.teamA, List.of(a, b));

            Site merged = a.ws().sites().get(s2.id()).orElseThrow();
            assertEquals("二号站（新）", merged.name());
            assertEquals(116.25, merged.longitude());
            assertEquals("甲改名", a.ws().sites().get(s1.id()).orElseThrow().name(), "the server keeps the first value");
            assertEquals("110105", b.ws().sites().get(s1.id()).orElseThrow().adminCode());
            assertTrue(a.ws().sites().get(s3.id()).isEmpty(), "the tombstone stays");
            assertTrue(b.ws().sites().get(s3.id()).isEmpty(), "the tombstone reached b");
            assertTrue(a.ws().sites().get(onlyB.id()).isPresent());

            List<Dto.Conflict> open = h.store.conflicts(java.util.Set.of(h.teamA), "OPEN");
            assertEquals(2, open.size());
            Dto.Conflict name = open.stream().filter(k -> k.kind().equals("FIELDS")).findFirst().orElseThrow();
            assertEquals(s1.id(), name.entityId());
            assertEquals(Map.of("name", new Dto.FieldConflict(TextNode.valueOf("一号站"), TextNode.valueOf("乙改名"),
                    TextNode.valueOf("甲改名"))), name.fields());
            assertEquals(b.id(), name.deviceId());
            Dto.Conflict deleted = open.stream().filter(k -> k.kind().equals("DELETED")).findFirst().orElseThrow();
            assertEquals(s3.id(), deleted.entityId());
            assertEquals("110101", deleted.fields().get("admin_code").mine().asText());

            // The lead resolves: b's value wins; every device gets it as a new revision.
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            assertEquals(2, lead.engine().conflicts().size());
            lead.engine().resolve(name.id(), Map.of("name", TextNode.valueOf("乙改名")));
            SyncHarness.syncAll(List.of(a, b, lead));
            assertEquals("乙改名", a.ws().sites().get(s1.id()).orElseThrow().name());
            assertEquals("乙改名", b.ws().sites().get(s1.id()).orElseThrow().name());
            assertEquals(1, lead.engine().conflicts().size());
            h.assertConverged(h.teamA, List.of(a, b, lead));
            assertTrue(h.store.verifyAudit() > 10, "audit chain verifies");
            assertFalse(Wire.mapper().writeValueAsString(open).isEmpty());
        }
    }

    @Test
    void threeDevicesConvergeAndKeepEveryLosingValue() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            SyncHarness.Device b = h.member("b", h.teamA);
            SyncHarness.Device c = h.member("c", h.teamA);
            Site s = Site.create("W1", "一号断面", SiteType.WATER_SECTION, 117.0, 38.0);
            a.ws().sites().add(s);
            SyncHarness.syncAll(List.of(a, b, c));
            a.ws().sites().update(a.ws().sites().get(s.id()).orElseThrow().withName("甲"));
            b.ws().sites().update(b.ws().sites().get(s.id()).orElseThrow().withName("乙"));
            c.ws().sites().update(c.ws().sites().get(s.id()).orElseThrow().withName("丙"));
            for (int i = 0; i < 30; i++) {
                SyncHarness.Device d = List.of(a, b, c).get(i % 3);
                d.ws().sites().add(Site.create(d.id().substring(0, 4) + "-" + i, "站" + i, SiteType.AIR_STATION, 116.0 + i / 100.0, 39.0));
            }
            SyncHarness.syncAll(List.of(a, b, c));
            h.assertConverged(h.teamA, List.of(a, b, c));
            assertEquals(31, a.ws().sites().count());
            List<Dto.Conflict> open = h.store.conflicts(java.util.Set.of(h.teamA), "OPEN");
            assertEquals(2, open.size(), "b's and c's names lost to a's and wait for the lead");
            assertEquals(java.util.Set.of("乙", "丙"), open.stream().map(k -> k.fields().get("name").mine().asText())
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }
}
