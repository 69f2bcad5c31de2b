package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.water.BibiBuilder;
import cn.ecoaid.water.BibiModel;
import cn.ecoaid.water.BioFile;
import cn.ecoaid.water.BioSample;
import cn.ecoaid.water.MetricTable;
import cn.ecoaid.water.TaxaTable;
import cn.ecoaid.water.WaterBodyType;
import cn.ecoaid.water.WaterQualityFile;
import cn.ecoaid.water.WaterSample;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWaterRepositoryTest {
    static final Path EX = Path.of("sample-data/examples/water");

    @TempDir
    Path dir;

    @Test
    void samplesRoundTripWithBelowDetectionValuesAndOneOutboxRowEach() {
        List<WaterSample> samples = WaterQualityFile.read(TableFiles.read(EX.resolve("wq-river-season.csv")), WaterBodyType.RIVER,
                false).samples();
        try (Workspace ws = TestWorkspaces.create(dir)) {
            int before = ws.outbox().pendingCount();
            SqliteWaterRepository repo = ws.water();
            SqliteWaterRepository.Survey s = repo.createSurvey("2024 清水河", "全年", "");
            assertEquals(18, repo.addSamples(s.id(), samples));
            assertEquals(before + 1 + 18, ws.outbox().pendingCount());
            List<WaterSample> back = repo.samples(s.id());
            assertEquals(18, back.size());
            WaterSample first = samples.stream().filter(x -> x.site().equals(back.get(0).site()) && x.date().equals(back.get(0).date()))
                    .findFirst().orElseThrow();
            assertEquals(first, back.get(0));
            assertTrue(back.get(0).values().get("Hg").belowDetection());
            assertEquals(List.of(s), repo.surveys());
        }
    }

    @Test
    void aWriteToAnUnknownSurveyStoresNothing() {
        try (Workspace ws = TestWorkspaces.create(dir)) {
            int before = ws.outbox().pendingCount();
            EcoAidException e = assertThrows(EcoAidException.class, () -> ws.water().addBioSamples("nope",
                    List.of(new BioSample("x", "x", "", "", "", List.of()))));
            assertEquals("water.store.noSurvey", e.key());
            assertEquals(before, ws.outbox().pendingCount());
        }
    }

    @Test
    void bioSamplesAndASavedModelRoundTrip() {
        List<BioSample> bio = BioFile.read(TableFiles.read(EX.resolve("benthic-survey.csv")));
        try (Workspace ws = TestWorkspaces.create(dir)) {
            SqliteWaterRepository repo = ws.water();
            String survey = repo.createSurvey("底栖 2024-05", "", "").id();
            repo.addBioSamples(survey, bio);
            List<BioSample> back = repo.bioSamples(survey);
            assertEquals(bio, back); // records compare doubles with Double.compare, so NaN tolerances match
            var rows = MetricTable.fromSamples(back, TaxaTable.shipped());
            BibiModel m = new BibiBuilder().build(rows, MetricTable.candidates(rows), BibiBuilder.Options.defaults());
            String id = repo.saveModel("东江 B-IBI", m);
            BibiModel loaded = repo.model(id).orElseThrow();
            assertEquals(m.p25(), loaded.p25(), 0);
            assertEquals(m.scoring(), loaded.scoring());
            assertEquals("东江 B-IBI", repo.models().get(0).name());
            assertEquals(1, ws.outbox().forEntity(id).size());
        }
    }

    @Test
    void aVersion2WorkspaceUpgradesAndTakesWaterData() {
        Path file = dir.resolve("v2.ecoaid");
        Database db = Database.connect(file, TestWorkspaces.CLOCK, "old");
        new Migrator().migrate(db, Migrator.latestVersion() - 1);
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO workspace_meta VALUES ('format', 'ecoaid-workspace')");
                s.executeUpdate("INSERT INTO project (id, city_code, city_name, name, author, created_at, updated_at)"
                        + " VALUES ('p1', '110100', '示例市', '老项目', 'old', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
            }
            return null;
        });
        db.close();
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "new")) {
            assertEquals(Migrator.latestVersion(), ws.schemaVersion());
            String id = ws.water().createSurvey("升级后", "", "").id();
            assertEquals(id, ws.water().surveys().get(0).id());
        }
    }
}
