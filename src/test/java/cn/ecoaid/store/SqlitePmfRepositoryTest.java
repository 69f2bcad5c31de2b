package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PmfRuns;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.SavedPmfRun;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.pmf.SpeciesCategory;
import cn.ecoaid.pmf.UncertaintyBuilder;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept PMF runs: stored with their data, settings and models in one transaction with their outbox rows; tombstoned. */
class SqlitePmfRepositoryTest {
    static final Path PMF = Path.of("sample-data/project/pmf");

    @TempDir
    Path dir;

    /** The sample city's PM2.5 data with uncertainties built from its species table, 5 % extra uncertainty. */
    static PreparedInput sampleInput() {
        Path conc = PMF.resolve("pm25-conc.csv");
        Path species = PMF.resolve("pm25-species.csv");
        var specs = UncertaintyBuilder.readSpecies(TableFiles.read(species), "pm25-species.csv");
        PmfData d = UncertaintyBuilder.build(TableFiles.read(conc), "pm25-conc.csv", specs, 0.05).data();
        return PreparedInput.prepare(d, true, Set.of(), Set.of("As"), PreparedInput.totalVariable(d.species()));
    }

    static PmfRunner.Batch smallBatch(PreparedInput in) {
        return PmfRunner.run(in, PmfRunner.Settings.of(5, 3, 7, Method.ALS, true).withThreads(2), ProgressListener.NONE);
    }

    static SavedPmfRun.Preparation preparation() {
        return new SavedPmfRun.Preparation(List.of(), List.of("As"), "PM2.5", true, 5, false);
    }

    @Test
    void keepsTheRunWithItsDataSettingsAndModelsAcrossReopening() {
        PreparedInput in = sampleInput();
        PmfRunner.Batch batch = smallBatch(in);
        Path file;
        String id;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
            int before = ws.outbox().pendingCount();
            SavedPmfRun saved = PmfRuns.save(ws.pmf(), " 2025 夏季 ", in, batch, preparation(), null, null,
                    Map.of(SavedPmfRun.Role.SOURCE_CONC, PMF.resolve("pm25-conc.csv"),
                            SavedPmfRun.Role.SOURCE_SPECIES, PMF.resolve("pm25-species.csv")),
                    List.of("二次硫酸盐", "", "扬尘", "机动车", "燃煤"));
            id = saved.id();
            assertEquals("2025 夏季", saved.name());
            // one run row, 3 model rows, 6 file rows (conc, unc, W, H, 2 sources) and their 6 attachments
            List<Outbox.Operation> ops = ws.outbox().pending().subList(before, ws.outbox().pendingCount());
            assertEquals(1, ops.stream().filter(o -> o.entity().equals("pmf_run")).count());
            assertEquals(3, ops.stream().filter(o -> o.entity().equals("pmf_model")).count());
            assertEquals(6, ops.stream().filter(o -> o.entity().equals("pmf_run_file")).count());
            assertEquals(6, ops.stream().filter(o -> o.entity().equals("attachment")).count());
            assertTrue(ops.stream().filter(o -> o.entity().equals("pmf_run")).findFirst().orElseThrow().changes()
                    .contains("\"q_true\""));
        }
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "tester")) {
            SavedPmfRun r = ws.pmf().findByName("2025 夏季").orElseThrow();
            assertEquals(id, r.id());
            assertTrue(r.software().startsWith("EcoAid Workbench "));
            assertEquals(batch.settings().factors(), r.settings().factors());
            assertEquals(batch.settings().seed(), r.settings().seed());
            assertEquals(batch.settings().method(), r.settings().method());
            assertEquals(batch.settings().lsNmf(), r.settings().lsNmf());
            assertEquals(batch.settings().als(), r.settings().als());
            assertEquals(preparation(), r.preparation());
            assertEquals(batch.best(), r.best());
            assertEquals(SpeciesCategory.BAD, r.species().get(in.data().speciesIndex("As")).category());
            assertEquals(SpeciesCategory.WEAK, r.species().get(in.data().speciesIndex("PM2.5")).category());
            assertEquals(in.includedSpecies(), r.modelledSpecies());
            assertEquals("Factor2", r.factorName(1), "a blank name falls back to the factor's number");
            assertEquals("燃煤", r.factorName(4));
            for (int k = 0; k < 3; k++) {
                Solution s = batch.models().get(k);
                assertEquals(Double.doubleToLongBits(s.qTrue()), Double.doubleToLongBits(r.models().get(k).qTrue()));
                assertEquals(Double.doubleToLongBits(s.qRobust()), Double.doubleToLongBits(r.models().get(k).qRobust()));
                assertEquals(s.seed(), r.models().get(k).seed());
                assertEquals(s.iterations(), r.models().get(k).iterations());
            }
            // the data and the chosen model come back bit for bit
            PmfRuns.Replay replay = PmfRuns.replay(ws.pmf(), r);
            assertArrayEquals(in.v(), replay.input().v());
            assertArrayEquals(in.u(), replay.input().u());
            assertEquals(in.data().samples(), replay.input().data().samples());
            Solution best = PmfRuns.bestSolution(ws.pmf(), r);
            assertArrayEquals(batch.bestModel().w(), best.w());
            assertArrayEquals(batch.bestModel().h(), best.h());
            assertEquals(6, r.files().size());
            assertTrue(new String(ws.pmf().read(r.files().get(SavedPmfRun.Role.SOURCE_SPECIES))).contains("PM2.5"));
        }
    }

    @Test
    void renamesAndDeletesThroughTheOutboxAndFreesTheName() {
        PreparedInput in = sampleInput();
        PmfRunner.Batch batch = smallBatch(in);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            SavedPmfRun saved = PmfRuns.save(ws.pmf(), "A", in, batch, preparation(), null, null, Map.of(), List.of());
            assertEquals("pmf.store.duplicateName", assertThrows(EcoAidException.class,
                    () -> PmfRuns.save(ws.pmf(), "A", in, batch, preparation(), null, null, Map.of(), List.of())).key());
            assertThrows(InvalidRecordException.class,
                    () -> PmfRuns.save(ws.pmf(), " ", in, batch, preparation(), null, null, Map.of(), List.of()));
            SavedPmfRun renamed = ws.pmf().setFactorNames(saved.id(), List.of("a", "b", "c", "d", "e"));
            assertEquals(List.of("a", "b", "c", "d", "e"), renamed.factorNames());
            List<Outbox.Operation> ops = ws.outbox().forEntity(saved.id());
            assertEquals(2, ops.size());
            assertEquals(1, ops.get(1).baseRev() + 1, "the rename is based on revision 0");
            assertTrue(ops.get(1).changes().contains("factor_names"));
            ws.pmf().delete(saved.id());
            assertTrue(ws.pmf().list().isEmpty());
            assertTrue(ws.pmf().findByName("A").isEmpty());
            assertEquals(Outbox.Kind.DELETE, ws.outbox().forEntity(saved.id()).get(2).kind());
            long modelDeletes = ws.outbox().pending().stream()
                    .filter(o -> o.entity().equals("pmf_model") && o.kind() == Outbox.Kind.DELETE).count();
            assertEquals(3, modelDeletes);
            // tombstones: the rows stay, marked deleted
            int rows = ws.database().read(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM pmf_run WHERE deleted = 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(1, rows);
            assertEquals("pmf.store.notFound", assertThrows(EcoAidException.class, () -> ws.pmf().delete(saved.id())).key());
            SavedPmfRun again = PmfRuns.save(ws.pmf(), "A", in, batch, preparation(), null, null, Map.of(), List.of());
            assertEquals(List.of(again.id()), ws.pmf().list().stream().map(SavedPmfRun::id).toList());
        }
    }

    @Test
    void aWorkspaceOfTheVersionBeforeUpgradesAndKeepsRuns() {
        Path file = dir.resolve("v8.ecoaid");
        Database db = Database.connect(file, TestWorkspaces.CLOCK, "old");
        new Migrator().migrate(db, 8);
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO workspace_meta VALUES ('format', 'ecoaid-workspace')");
                s.executeUpdate("INSERT INTO project (id, city_code, city_name, name, author, created_at, updated_at)"
                        + " VALUES ('p1', '110100', '示例市', '老项目', 'old', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
            }
            return null;
        });
        db.close();
        PreparedInput in = sampleInput();
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "new")) {
            assertTrue(ws.migrationBackup().isPresent());
            assertTrue(ws.pmf().list().isEmpty());
            PmfRuns.save(ws.pmf(), "升级后", in, smallBatch(in), preparation(), null, null, Map.of(), List.of());
            assertEquals(1, ws.pmf().list().size());
        }
    }
}
