package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.PackageDto;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.Section;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's "Done means", end to end: two team members edit the same sites offline on two machines; one of them loses
 * power mid-sync (a child JVM halted after the server applied its push but before the answer was stored); both come back
 * online. The server and both machines end with the same data, the one real conflict waits for the team lead with both
 * values, the lead resolves it, freezes a package whose live block shows the resolved value, and the published version
 * verifies on the platform.
 */
class DoneMeansTest {
    @TempDir
    Path dir;

    @Test
    void twoMembersOnePowerLossOneConflictResolvedAndAVerifiedPackage() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            Path file = dir.resolve("a.ecoaid");
            String aId;
            try (Workspace ws = Workspace.create(file, TestWorkspaces.sampleProject(), Clock.systemUTC(), "a")) {
                aId = new SyncEngine(ws, h.uri).enrol(h.code(h.user("a", Dto.Role.MEMBER, h.teamA)), "a").deviceId();
            }
            SyncHarness.Device b = h.member("b", h.teamA);
            SyncHarness.Device lead = h.device("lead", Dto.Role.TEAM_LEAD, h.teamA);
            Site s1 = Site.create("S1", "一号站", SiteType.AIR_STATION, 116.0, 39.0);
            Site s2 = Site.create("S2", "二号站", SiteType.AIR_STATION, 116.1, 39.1);
            b.ws().sites().addAll(List.of(s1, s2));
            b.engine().sync();
            try (Workspace ws = Workspace.open(file, Clock.systemUTC(), "a")) {
                new SyncEngine(ws, h.uri).sync();
                assertEquals(2, ws.sites().list().size());
            }

            // Offline on b: the same field as a (name of S1) and another field than a (admin code of S2); b syncs first.
            b.ws().sites().update(b.ws().sites().get(s1.id()).orElseThrow().withName("乙改名"));
            b.ws().sites().update(b.ws().sites().get(s2.id()).orElseThrow().withAdminCode("110105"));
            b.engine().sync();

            // Offline on a, then power is lost mid-sync: the server applied a's push, a never stored the answer.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=logback-test.xml", DoneScenarioChild.class.getName(), file.toString(), h.uri.toString(),
                    s1.id(), s2.id(), "push-after-response").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(77, child.exitValue(), out);
            assertTrue(out.contains("C") && out.contains("HALT push-after-response"), out);

            try (Workspace ws = Workspace.open(file, Clock.systemUTC(), "a")) {
                assertEquals("ok", ws.integrityCheck());
                assertEquals("甲改名", ws.sites().get(s1.id()).orElseThrow().name(), "a's committed edit survived the power loss");
                assertEquals(2, ws.syncState().pendingCount(), "the unacknowledged ops are still pending");
                SyncHarness.Device a = new SyncHarness.Device(ws, new SyncEngine(ws, h.uri,
                        SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), SyncEngine.NONE), aId);
                List<SyncHarness.Device> all = List.of(a, b, lead);
                SyncHarness.syncAll(all);
                h.assertConverged(h.teamA, all);

                // Disjoint fields merged; the one real conflict waits for the lead with both values.
                for (SyncHarness.Device d : all) {
                    Site m2 = d.ws().sites().get(s2.id()).orElseThrow();
                    assertEquals(116.25, m2.longitude());
                    assertEquals("110105", m2.adminCode());
                    assertEquals("乙改名", d.ws().sites().get(s1.id()).orElseThrow().name(), "the server kept the first value");
                }
                List<Dto.Conflict> open = lead.engine().conflicts();
                assertEquals(1, open.size(), open.toString());
                Dto.Conflict k = open.get(0);
                assertEquals(aId, k.deviceId());
                assertEquals(Map.of("name", new Dto.FieldConflict(TextNode.valueOf("一号站"), TextNode.valueOf("甲改名"),
                        TextNode.valueOf("乙改名"))), k.fields());

                // The lead resolves; the resolution reaches everyone.
                lead.engine().resolve(k.id(), Map.of("name", TextNode.valueOf("一号站（甲乙合议）")));
                SyncHarness.syncAll(all);
                h.assertConverged(h.teamA, all);
                for (SyncHarness.Device d : all) {
                    assertEquals("一号站（甲乙合议）", d.ws().sites().get(s1.id()).orElseThrow().name());
                }
                assertTrue(h.store.conflicts(Set.of(h.teamA), "OPEN").isEmpty());

                // The lead freezes a package whose live block lists the sites, and the next sync publishes it.
                SolutionPackage p = SolutionPackage.create(cn.ecoaid.solution.Scope.CITY, "示例市综合解决方案", "示例市", "甲组");
                lead.ws().solutions().addPackage(p);
                lead.ws().solutions().saveSection(new Section(Ids.newId(), p.id(), SectionKind.DIAGNOSIS, "监测点位现状。",
                        List.of(new BlockRef("sites", Map.of(), false))));
                FrozenVersion v = PackagePublishTest.freeze(lead.ws(), p.id());
                lead.engine().sync();
                assertEquals(PackagePublisher.State.PUBLISHED, PackagePublisher.publication(lead.ws(), v.id()).state());
                PackageDto.PublishedVersion pv = h.server.packages().verify(p.id(), 1);
                assertTrue(pv.records().values().stream().anyMatch(r -> r.contains("一号站（甲乙合议）")),
                        "the published block shows the resolved name");
                assertTrue(h.store.verifyAudit() > 0);
            }
        }
    }
}
