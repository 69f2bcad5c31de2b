package cn.ecoaid.blocks;

import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.store.SqliteWaterRepository;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.water.WaterSample;
import java.util.List;
import java.util.Optional;

/** The live-block sources of one workspace: sites, inventory totals, air attainment and water classes. */
public final class WorkspaceBlocks {
    private WorkspaceBlocks() {
    }

    public static BlockSources of(Workspace ws) {
        return new BlockSources()
                .register(new SitesBlockSource(ws.sites()))
                .register(new InventoryTotalsBlockSource(ws.inventories()))
                .register(new AirAttainmentBlockSource(() -> storedHourly(ws)))
                .register(new WaterClassesBlockSource(() -> newestSurvey(ws)));
    }

    static List<HourlySeries> storedHourly(Workspace ws) {
        return ws.air().hourlySiteCodes().stream().map(code -> ws.air().hourly(code)).flatMap(Optional::stream).toList();
    }

    static List<WaterSample> newestSurvey(Workspace ws) {
        List<SqliteWaterRepository.Survey> surveys = ws.water().surveys();
        return surveys.isEmpty() ? List.of() : ws.water().samples(surveys.get(surveys.size() - 1).id());
    }
}
