package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.air.Pollutant;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.sample.SampleProject;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.store.SqliteWaterRepository;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's work reaches every member's device: the sample city's air imports (every hourly value and flag), map layers,
 * inventories (with their input files), water surveys
 * (samples with their measurements, biological samples with their counts), B-IBI models and the solution package are
 * pulled by a second member's fresh workspace and read back equal through the repositories; sites with the same code
 * created offline on two devices both survive the pull on both devices.
 */
class TeamDataSyncTest {
    @TempDir
    Path dir;

    @Test
    void aSecondMemberReceivesTheTeamsInventoriesSurveysAndPackages() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            Workspace wa = SampleProject.create(dir.resolve("甲.ecoaid"), TestWorkspaces.CLOCK, "甲", ProgressListener.NONE);
            h.open.add(wa);
            // A kept PMF run (the command opens the same workspace file beside this connection).
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            String pmf = "sample-data/project/pmf/";
            assertEquals(0, cn.ecoaid.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "--lang", "en",
                    "pmf", "--conc", pmf + "pm25-conc.csv", "--species-table", pmf + "pm25-species.csv", "--factors", "4",
                    "--models", "2", "--seed", "7", "--workspace", wa.file().toString(), "--save", "甲的运行"), err.toString());
            SyncEngine ea = new SyncEngine(wa, h.uri, SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)),
                    SyncEngine.NONE);
            Dto.EnrolResponse r = ea.enrol(h.code(h.user("甲", Dto.Role.MEMBER, h.teamA)), "甲");
            SyncHarness.Device a = new SyncHarness.Device(wa, ea, r.deviceId());
            SyncHarness.Device b = h.member("乙", h.teamA);
            SyncHarness.syncAll(List.of(a, b));
            h.assertConverged(h.teamA, List.of(a, b));

            Workspace wb = b.ws();
            // Air: the imports and every stored hourly value and flag.
            assertTrue(wa.air().hourlyRows() > 50_000, "the sample's hourly data");
            assertEquals(wa.air().hourlyRows(), wb.air().hourlyRows());
            assertEquals(wa.air().imports().stream().map(TeamDataSyncTest::summary).toList(),
                    wb.air().imports().stream().map(TeamDataSyncTest::summary).toList());
            List<HourlySeries> ha = wa.air().allHourly();
            List<HourlySeries> hb = wb.air().allHourly();
            assertEquals(ha.size(), hb.size());
            for (int k = 0; k < ha.size(); k++) {
                assertEquals(ha.get(k).station(), hb.get(k).station());
                assertEquals(ha.get(k).firstDay(), hb.get(k).firstDay());
                for (Pollutant pol : Pollutant.values()) {
                    assertArrayEquals(ha.get(k).values(pol), hb.get(k).values(pol), ha.get(k).station() + " " + pol);
                    assertArrayEquals(ha.get(k).flags(pol), hb.get(k).flags(pol), ha.get(k).station() + " " + pol);
                }
            }
            // The kept PMF run, repeated exactly from what device B received.
            assertEquals(List.of("甲的运行"), wb.pmf().list().stream().map(cn.ecoaid.pmf.SavedPmfRun::name).toList());
            out.getBuffer().setLength(0);
            assertEquals(0, cn.ecoaid.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "--lang", "en",
                    "pmf-runs", "rerun", "--workspace", wb.file().toString(), "--name", "甲的运行"), out + err.toString());
            // Map layers: every feature's geometry and attributes.
            var la = cn.ecoaid.store.SqliteLayerRepository.of(wa);
            var lb = cn.ecoaid.store.SqliteLayerRepository.of(wb);
            assertFalse(la.list().isEmpty(), "the sample's map layers");
            assertEquals(la.list().stream().map(TeamDataSyncTest::layer).toList(), lb.list().stream().map(TeamDataSyncTest::layer).toList());
            for (var info : la.list()) {
                var fa = la.load(info.id()).features();
                var fb = lb.load(info.id()).features();
                assertEquals(fa.size(), fb.size());
                for (int k = 0; k < fa.size(); k++) {
                    assertTrue(fa.get(k).geometry().equalsExact(fb.get(k).geometry()), info.name() + " feature " + k);
                    assertEquals(fa.get(k).attributes(), fb.get(k).attributes());
                }
            }
            // Inventories: same names and years, and every input file is here with the same content.
            List<SavedInventory> ia = wa.inventories().list();
            List<SavedInventory> ib = wb.inventories().list();
            assertFalse(ia.isEmpty());
            assertEquals(ia.stream().map(i -> i.name() + "/" + i.year()).toList(),
                    ib.stream().map(i -> i.name() + "/" + i.year()).toList());
            for (int k = 0; k < ia.size(); k++) {
                assertEquals(ia.get(k).inputs().keySet(), ib.get(k).inputs().keySet());
                for (var role : ia.get(k).inputs().keySet()) {
                    Path pa = wa.inventories().path(ia.get(k).inputs().get(role));
                    Path pb = wb.inventories().path(ib.get(k).inputs().get(role));
                    assertTrue(Files.isRegularFile(pb), "input file pulled: " + pb);
                    assertEquals(-1L, Files.mismatch(pa, pb));
                }
            }
            // Water: surveys, samples with measurements (below-detection kept), biological counts, B-IBI models.
            List<SqliteWaterRepository.Survey> sa = wa.water().surveys();
            assertFalse(sa.isEmpty());
            assertEquals(sa, wb.water().surveys());
            for (SqliteWaterRepository.Survey s : sa) {
                assertEquals(wa.water().samples(s.id()), wb.water().samples(s.id()), "samples of " + s.name());
                assertEquals(wa.water().bioSamples(s.id()), wb.water().bioSamples(s.id()), "bio samples of " + s.name());
            }
            assertEquals(wa.water().models().stream().map(SqliteWaterRepository.ModelInfo::name).toList(),
                    wb.water().models().stream().map(SqliteWaterRepository.ModelInfo::name).toList());
            // Solution package with sections, measures, milestones and tracking records.
            List<SolutionPackage> pa = wa.solutions().packages();
            assertFalse(pa.isEmpty());
            assertEquals(pa, wb.solutions().packages());
            for (SolutionPackage p : pa) {
                assertEquals(wa.solutions().sections(p.id()), wb.solutions().sections(p.id()));
                assertEquals(wa.solutions().measures(p.id()), wb.solutions().measures(p.id()));
                assertEquals(wa.solutions().milestones(p.id()), wb.solutions().milestones(p.id()));
                assertEquals(wa.solutions().tracking(p.id()), wb.solutions().tracking(p.id()));
            }

            // B edits a measure it received; A sees the edit after the next round.
            SolutionPackage p = pa.get(0);
            Measure m = wb.solutions().measures(p.id()).get(0);
            Measure renamed = new Measure(m.id(), m.packageId(), m.name() + "（乙修订）", m.type(), m.sector(), m.sources(),
                    m.owner(), m.start(), m.end(), m.cost(), m.reductions(), m.scenario(), m.status(), m.indicators());
            wb.solutions().updateMeasure(renamed);
            SyncHarness.syncAll(List.of(a, b));
            h.assertConverged(h.teamA, List.of(a, b));
            assertEquals(renamed, wa.solutions().measures(p.id()).get(0));
        }
    }

    private static List<Object> layer(cn.ecoaid.geo.LayerRepository.Info i) {
        return List.of(i.id(), i.name(), i.crs(), i.style(), i.fields(), i.sourceSha256(), i.featureCount());
    }

    private static String summary(cn.ecoaid.store.SqliteAirRepository.ImportRecord r) {
        return String.join("|", r.fileName(), r.kind(), Integer.toString(r.stations()), Long.toString(r.valueRows()),
                String.valueOf(r.firstTime()), String.valueOf(r.lastTime()));
    }

    @Test
    void sitesWithTheSameCodeCreatedOfflineOnTwoDevicesBothSurvive() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            SyncHarness.Device b = h.member("b", h.teamA);
            Site fromA = Site.create("DUP-1", "甲建的站", SiteType.AIR_STATION, 116.0, 39.0);
            Site fromB = Site.create("DUP-1", "乙建的站", SiteType.AIR_STATION, 116.5, 39.5);
            a.ws().sites().add(fromA);
            b.ws().sites().add(fromB);
            SyncHarness.syncAll(List.of(a, b));
            h.assertConverged(h.teamA, List.of(a, b));
            for (SyncHarness.Device d : List.of(a, b)) {
                assertEquals(List.of("乙建的站", "甲建的站"), d.ws().sites().list().stream()
                        .filter(s -> s.code().equals("DUP-1")).map(Site::name).sorted().toList());
            }
            // Each can still be edited where both are live; a third one is refused.
            Site mine = a.ws().sites().get(fromA.id()).orElseThrow();
            a.ws().sites().update(mine.withName("甲建的站（改）"));
            assertEquals("甲建的站（改）", a.ws().sites().get(fromA.id()).orElseThrow().name());
            Site third = Site.create("DUP-1", "再建", SiteType.AIR_STATION, 116.2, 39.2);
            assertEquals("DUP-1", org.junit.jupiter.api.Assertions.assertThrows(
                    cn.ecoaid.domain.DuplicateCodeException.class, () -> a.ws().sites().add(third)).code());
        }
    }
}
