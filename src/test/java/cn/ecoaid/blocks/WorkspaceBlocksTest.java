package cn.ecoaid.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sample.SampleProject;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live blocks of air and water read the workspace's data and agree with the commands on the same files. */
class WorkspaceBlocksTest {
    @TempDir
    Path dir;

    @Test
    void airAttainmentAndWaterClassesAgreeWithTheCommands() {
        Messages.setCurrent(Messages.CHINESE);
        Path file = dir.resolve("s.ecoaid");
        try (Workspace ws = SampleProject.create(file, TestWorkspaces.CLOCK, "t", ProgressListener.NONE)) {
            var sources = WorkspaceBlocks.of(ws);
            BlockSource.Context ctx = new BlockSource.Context(dir, Clock.systemUTC());
            Block air = sources.render(new BlockRef("air-attainment", Map.of("year", "2025"), false), ctx);
            assertEquals("2025 年各站点年度统计与达标情况", air.title());
            Path stats = dir.resolve("stats.csv");
            assertEquals(0, CliTestAccess.run("attainment", "--input",
                    SampleProject.filesFolder(file).resolve("air/hourly-2025-2026.csv").toString(), "--year", "2025", "--out",
                    stats.toString()));
            Table t = TableFiles.read(stats);
            Table.Row pm = t.rows().stream().filter(r -> r.get(0).equals("SL-A01") && r.get(2).equals("PM2.5")
                    && r.get(3).equals("annual_mean")).findFirst().orElseThrow();
            List<Object> row = air.rows().stream().filter(r -> r.get(0).equals("SL-A01")
                    && r.get(1).toString().startsWith("PM2.5 ") && r.get(1).toString().contains("annual")).findFirst().orElseThrow();
            assertEquals(Double.parseDouble(pm.get(4)), ((Number) row.get(2)).doubleValue(), 1e-9);
            // SL-A04 lost ten days of January 2025: its statistics have no verdict
            assertTrue(air.rows().stream().filter(r -> r.get(0).equals("SL-A04") && !r.get(4).toString().isEmpty())
                    .allMatch(r -> r.get(4).equals(Messages.get("air.ui.notValid"))));

            Block water = sources.render(new BlockRef("water-classes", Map.of(), false), ctx);
            assertEquals(27, water.rows().size());
            Path classes = dir.resolve("classes.csv");
            assertEquals(0, CliTestAccess.run("water", "classify", "--input",
                    SampleProject.filesFolder(file).resolve("water/wq-river-season.csv").toString(), "--out", classes.toString()));
            Table c = TableFiles.read(classes);
            for (Table.Row r : c.rows()) {
                String site = r.get(c.headers().indexOf("site"));
                String date = r.get(c.headers().indexOf("date"));
                String cls = r.get(c.headers().indexOf("class"));
                assertTrue(water.rows().stream().anyMatch(b -> b.get(0).equals(site) && b.get(1).equals(date) && b.get(3).equals(cls)),
                        site + " " + date + " " + cls);
            }
            Block inv = sources.render(new BlockRef("inventory-totals", Map.of("inventory", "2025年基准清单"), true), ctx);
            assertTrue(inv.provenance().data().contains("2025年基准清单"), inv.provenance().data());
        }
    }
}
