package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;

/** Composition of the solution capability for the command line: block sources and package lookup. */
final class SolutionWiring {
    private SolutionWiring() {
    }

    /** Every live-block source the workbench has; capabilities add theirs here. */
    static BlockSources blockSources(Workspace ws) {
        return cn.ecoaid.blocks.WorkspaceBlocks.of(ws);
    }

    static BlockSource.Context context(Workspace ws, Clock clock) {
        return cn.ecoaid.blocks.WorkspaceBlocks.context(ws, clock);
    }

    static SolutionPackage find(Workspace ws, String idOrTitle) {
        return ws.solutions().find(idOrTitle).orElseThrow(() -> new EcoAidException("solution.error.packageNotFound", idOrTitle));
    }
}
