package cn.ecoaid.blocks;

import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.store.Workspace;
import java.util.List;

/** The live-block sources of one workspace: sites, inventory totals, air attainment and water classes. */
public final class WorkspaceBlocks {
    private WorkspaceBlocks() {
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
