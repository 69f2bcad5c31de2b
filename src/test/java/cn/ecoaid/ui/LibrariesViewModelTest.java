package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibraryVersion;
import cn.ecoaid.store.SqliteLibraryRepository;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.libraries.LibrariesViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference-libraries page on versions held in a workspace (as a pull stores them), offline. */
class LibrariesViewModelTest {
    static final Path LIB = Path.of("sample-data/libraries");

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.setCurrent(Messages.ENGLISH);
    }

    @AfterEach
    void chinese() {
        Messages.setCurrent(Messages.CHINESE);
    }

    private static void hold(SqliteLibraryRepository repo, LibraryKind kind, long version, String file, String label) {
        LibraryContent c = LibraryContent.read(kind, LIB.resolve(file));
        LibraryVersion v = new LibraryVersion(kind, version, label, c.sha256(), "NATIONAL", file, c.rows().size(),
                "2026-11-01T00:00:00Z", "admin", null);
        repo.apply(kind, List.of(new SqliteLibraryRepository.Incoming(v, c)), version);
    }

    /** Names (first cell) of rows whose cells contain {@code text}, straight from the file. */
    private static List<String> namesContaining(String file, String text) {
        return TableFiles.read(LIB.resolve(file)).rows().stream().filter(r -> r.cells().stream().anyMatch(c -> c.contains(text)))
                .map(r -> r.get(0)).toList();
    }

    @Test
    void browsesAndFiltersOffline() {
        try (Workspace ws = TestWorkspaces.create(dir)) {
            SqliteLibraryRepository repo = SqliteLibraryRepository.of(ws);
            hold(repo, LibraryKind.TECHNOLOGY, 1, "technology-catalogue-sample.csv", "目录 v1");
            hold(repo, LibraryKind.TECHNOLOGY, 2, "technology-catalogue-sample-v2.csv", "目录 v2");
            hold(repo, LibraryKind.EXPERTS, 1, "experts-sample.csv", "专家 2026");
            LibrariesViewModel vm = new LibrariesViewModel(ws, new ImmediateUiExecutor());

            assertEquals(4, vm.summary().size());
            assertTrue(vm.summary().get(0).startsWith("technology catalogue: v2 · 目录 v2"), vm.summary().get(0));
            assertEquals("taxa list: none held yet", vm.summary().get(3));
            assertEquals(List.of(2L, 1L), vm.versions().stream().map(LibraryVersion::version).toList());
            assertEquals(2, vm.versionProperty().get().version());
            assertEquals(13, vm.rows().size());
            assertTrue(vm.versionInfoProperty().get().contains(repo.version(LibraryKind.TECHNOLOGY, 2).orElseThrow().sha256()));

            vm.filterProperty().set("脱硫");
            List<String> fgd = namesContaining("technology-catalogue-sample-v2.csv", "脱硫");
            assertEquals(fgd, vm.rows().stream().map(r -> r.get(0)).toList());
            assertEquals("2 of 13 rows", vm.countProperty().get());
            vm.filterProperty().set("FGD");
            assertEquals(fgd, vm.rows().stream().map(r -> r.get(0)).toList());
            vm.select(vm.rows().get(0));
            assertTrue(vm.detailsProperty().get().contains("efficiency_min_pct: 95"), vm.detailsProperty().get());

            vm.versionProperty().set(vm.versions().get(1));
            assertEquals("2 of 12 rows", vm.countProperty().get());

            vm.kindProperty().set(LibraryKind.EXPERTS);
            vm.filterProperty().set("Hubei");
            assertEquals(namesContaining("experts-sample.csv", "湖北"), vm.rows().stream().map(r -> r.get(0)).toList());
            vm.filterProperty().set("");
            assertEquals(8, vm.rows().size());

            vm.kindProperty().set(LibraryKind.TAXA);
            assertTrue(vm.rows().isEmpty());
            assertEquals("No version of the taxa list is held yet: sync with the platform", vm.versionInfoProperty().get());
            vm.pull();
            assertEquals("This workspace is not enrolled with a platform (see Sync)", vm.messageProperty().get());
        }
    }

    @Test
    void theInventoryPageComputesWithThePlatformFactorLibraryAndKeepsItsVersion() {
        Path activities = Path.of("sample-data/examples/inventory/activities.csv");
        Path factors = Path.of("sample-data/examples/inventory/factors.csv");
        try (Workspace ws = TestWorkspaces.create(dir)) {
            SqliteLibraryRepository repo = SqliteLibraryRepository.of(ws);
            LibraryContent c = LibraryContent.read(LibraryKind.FACTORS, factors);
            LibraryVersion v = new LibraryVersion(LibraryKind.FACTORS, 1, "因子库", c.sha256(), "NATIONAL", "factors.csv",
                    c.rows().size(), "2026-11-01T00:00:00Z", "admin", null);
            repo.apply(LibraryKind.FACTORS, List.of(new SqliteLibraryRepository.Incoming(v, c)), 1);
            var vm = new cn.ecoaid.ui.inventory.InventoryViewModel(ws.inventories(), cn.ecoaid.store.SqliteLayerRepository.of(ws),
                    new ImmediateUiExecutor());
            vm.useLibraries(repo);
            vm.activitiesProperty().set(activities);
            vm.factorsProperty().set(factors);
            vm.compute();
            List<List<String>> fromFile = List.copyOf(vm.rows());
            assertEquals("", vm.libraryUsedProperty().get());

            vm.factorsProperty().set(null);
            assertEquals(1, vm.platformLibraries().size());
            vm.platformLibraryProperty().set(vm.platformLibraries().get(0));
            vm.compute();
            assertEquals(fromFile, vm.rows());
            assertTrue(vm.libraryUsedProperty().get().contains("v1 · 因子库 · " + c.sha256().substring(0, 12)),
                    vm.libraryUsedProperty().get());

            vm.saveNameProperty().set("2025");
            vm.saveYearProperty().set("2025");
            vm.save();
            String id = vm.saved().get(0).id();
            assertEquals(1, repo.use("inventory", id, LibraryKind.FACTORS).orElseThrow().version());
            assertEquals(c.sha256(), repo.use("inventory", id, LibraryKind.FACTORS).orElseThrow().sha256());
            vm.platformLibraryProperty().set(null);
            vm.open(vm.saved().get(0));
            assertEquals(1, vm.platformLibraryProperty().get().version());
        }
    }
}
