package cn.ecoaid.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectTest {
    @TempDir
    Path dir;

    @Test
    void theSampleHoldsTheCitysSitesAndInventory() throws Exception {
        Path file = dir.resolve("sample.ecoaid");
        try (Workspace ws = SampleProject.create(file, TestWorkspaces.CLOCK, "t", ProgressListener.NONE)) {
            assertEquals("990100", ws.project().cityCode());
            assertEquals(3, ws.project().team().size());
            assertEquals(28, ws.sites().count());
            Site a01 = ws.sites().findByCode("SL-A01").orElseThrow();
            assertEquals(SiteType.AIR_STATION, a01.type());
            assertEquals(1, ws.inventories().list().size());
            // four stations, 2025-01-01 01:00 … 2026-07-01 00:00: (365 + 181) days × 24 hours each
            assertEquals(4 * 546 * 24, ws.air().hourlyRows());
            assertTrue(ws.air().hourly("SL-A04").isPresent());
            var layers = cn.ecoaid.store.SqliteLayerRepository.of(ws).list();
            assertEquals(java.util.List.of("区县界", "水系"), layers.stream().map(l -> l.name()).toList());
            assertEquals(4, layers.get(0).featureCount());
            var surveys = ws.water().surveys();
            assertEquals(1, surveys.size());
            // 6 river sections × 3 periods, 3 lake points × 3 periods (the example season), and 12 benthic samples
            assertEquals(27, ws.water().samples(surveys.get(0).id()).size());
            assertEquals(12, ws.water().bioSamples(surveys.get(0).id()).size());
            var pkg = ws.solutions().packages().get(0);
            assertEquals(SampleProject.SOLUTION_TITLE, pkg.title());
            assertEquals(5, ws.solutions().measures(pkg.id()).size());
            assertEquals(3, ws.solutions().milestones(pkg.id()).size());
            assertEquals("ok", ws.integrityCheck());
        }
        // the input files are beside the workspace for the guide's exercises
        assertTrue(Files.isRegularFile(SampleProject.filesFolder(file).resolve("air/hourly-2025-2026.csv")));
        assertTrue(Files.isRegularFile(SampleProject.filesFolder(file).resolve("pmf/pm25-conc.csv")));
        // the kept inventory computes from the workspace like the files it came from
        Path fromWs = dir.resolve("ws.csv");
        Path fromFiles = dir.resolve("files.csv");
        assertEquals(0, CliTestAccess.run("inventory", "compute", "--workspace", file.toString(), "--out", fromWs.toString()));
        assertEquals(0, CliTestAccess.run("inventory", "compute", "--activities",
                "sample-data/project/inventory/activities-2025.csv", "--factors", "sample-data/project/inventory/factors.csv",
                "--out", fromFiles.toString()));
        assertEquals(TableFiles.read(fromFiles).rows(), TableFiles.read(fromWs).rows());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("sample.ecoaid");
        Files.writeString(file, "mine");
        EcoAidException e = assertThrows(EcoAidException.class,
                () -> SampleProject.create(file, TestWorkspaces.CLOCK, "t", ProgressListener.NONE));
        assertEquals("workspace.error.exists", e.key());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aCancelledBuildLeavesNothingBehind() {
        Path file = dir.resolve("sample.ecoaid");
        ProgressListener cancelAtOnce = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(cn.ecoaid.domain.CancelledException.class,
                () -> SampleProject.create(file, TestWorkspaces.CLOCK, "t", cancelAtOnce));
        assertFalse(Files.exists(file));
        assertTrue(CliTestAccess.run("sample", "create", dir.resolve("cli.ecoaid").toString()) == 0);
    }
}
