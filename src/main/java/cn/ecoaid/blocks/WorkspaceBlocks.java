package cn.ecoaid.blocks;

import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.store.Workspace;
import java.util.List;

/** The live-block sources of one workspace: sites, inventory totals, air attainment and water classes. */
public final class WorkspaceBlocks {
    private WorkspaceBlocks() {
    }

    /**
     * The context live blocks and frozen versions read: the workspace folder, the clock, and the reference-library
     * versions — those held on this device ({@code held}: kind → version, SHA-256, label) and those each analysis
     * recorded ({@code used}) — which a frozen version lists in {@code records/libraries.json}.
     */
    public static cn.ecoaid.solution.BlockSource.Context context(Workspace ws, java.time.Clock clock) {
        return new cn.ecoaid.solution.BlockSource.Context(ws.file().toAbsolutePath().getParent(), clock, () -> libraries(ws));
    }

    private static java.util.Map<String, Object> libraries(Workspace ws) {
        var libs = cn.ecoaid.store.SqliteLibraryRepository.of(ws);
        java.util.Map<String, Object> held = new java.util.TreeMap<>();
        for (cn.ecoaid.library.LibraryKind k : cn.ecoaid.library.LibraryKind.values()) {
            libs.latest(k).ifPresent(v -> held.put(k.id(), java.util.Map.of("version", v.version(), "sha256", v.sha256(),
                    "label", v.label())));
        }
        List<Object> used = new java.util.ArrayList<>();
        for (cn.ecoaid.library.LibraryUse u : libs.allUses()) {
            used.add(java.util.Map.of("entity", u.entity(), "entity_id", u.entityId(), "kind", u.kind().id(),
                    "version", u.version(), "sha256", u.sha256(), "label", u.label()));
        }
        java.util.Map<String, Object> libraries = new java.util.TreeMap<>();
        if (!held.isEmpty()) {
            libraries.put("held", held);
        }
        if (!used.isEmpty()) {
            libraries.put("used", used);
        }
        return libraries;
    }

    public static BlockSources of(Workspace ws) {
        return new BlockSources()
                .register(new SitesBlockSource(ws.sites()))
                .register(new InventoryTotalsBlockSource(ws.inventories()))
                .register(new AirAttainmentBlockSource(() -> ws.air().allHourly()))
                .register(new WaterClassesBlockSource(
                        () -> ws.water().newestSurvey().map(s -> ws.water().samples(s.id())).orElse(List.of())))
                .register(new PmfFactorsBlockSource(ws.pmf()));
    }
}
