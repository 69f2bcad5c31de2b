package cn.ecoaid.cli;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Project;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.DocxReport;
import cn.ecoaid.report.XlsxReport;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.Provenance;
import cn.ecoaid.solution.Scope;
import cn.ecoaid.solution.Section;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionDocument;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.SolutionRepository;
import cn.ecoaid.solution.TrackingRecord;
import cn.ecoaid.store.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench report}: a package whose Word report has 30 figures and 20 tables (30 dated measures → measures table,
 * reduction chart and Gantt; 4 milestones; 8 tracked indicators × 12 months → 8 tables + 8 charts; progress table;
 * 9 live blocks as table + chart and 11 as chart only), timed end to end (collect + write), median of the runs.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Word/Excel report of a package with 30 figures and 20 tables")
final class ReportBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs after one warm-up (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--keep", description = "folder to keep the last report.docx and report.xlsx in")
    Path keep;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        try {
            Path dir = Files.createTempDirectory("ecoaid-report-bench");
            Project project = new Project(Ids.newId(), "110100", "示例市", "示例市驻点跟踪研究", null, null, List.of(), List.of());
            try (Workspace ws = Workspace.create(dir.resolve("bench.ecoaid"), project, Clock.systemUTC(), "bench")) {
                SolutionPackage p = fill(ws.solutions());
                BlockSources sources = new BlockSources().register(new Synthetic());
                BlockSource.Context ctx = new BlockSource.Context(dir, Clock.systemUTC());
                Path docx = dir.resolve("report.docx");
                Path xlsx = dir.resolve("report.xlsx");
                long[] docxMs = new long[runs];
                long[] xlsxMs = new long[runs];
                DocxReport.Written written = null;
                for (int i = -1; i < runs; i++) {
                    long t0 = System.nanoTime();
                    SolutionDocument d = SolutionDocument.collect(ws.solutions(), sources, ctx, p.id());
                    written = new DocxReport(Messages.current()).write(d, docx, Optional.empty());
                    long t1 = System.nanoTime();
                    new XlsxReport(Messages.current()).write(SolutionDocument.collect(ws.solutions(), sources, ctx, p.id()), xlsx);
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        docxMs[i] = (t1 - t0) / 1_000_000;
                        xlsxMs[i] = (t2 - t1) / 1_000_000;
                    }
                }
                w.printf("report docx: %d figures, %d tables, %,d bytes; median %d ms (runs %s)%n", written.figures(), written.tables(),
                        Files.size(docx), median(docxMs), Arrays.toString(docxMs));
                w.printf("report xlsx: %,d bytes; median %d ms (runs %s)%n", Files.size(xlsx), median(xlsxMs), Arrays.toString(xlsxMs));
                if (keep != null) {
                    Files.createDirectories(keep);
                    Files.copy(docx, keep.resolve("report.docx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(xlsx, keep.resolve("report.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }

    static SolutionPackage fill(SolutionRepository repo) {
        SolutionPackage p = SolutionPackage.create(Scope.CITY, "示例市大气污染防治综合解决方案（基准测试）", "示例市", "驻点工作组");
        repo.addPackage(p);
        MeasureType[] types = MeasureType.values();
        MeasureStatus[] status = MeasureStatus.values();
        String[] pollutants = {"PM2.5", "NOx", "SO2", "VOCs", "PM10"};
        for (int i = 0; i < 30; i++) {
            LocalDate start = LocalDate.of(2026, 1 + i % 12, 1);
            repo.addMeasure(new Measure(Ids.newId(), p.id(), "重点措施 " + (i + 1) + "：燃煤与工业源深度治理", types[i % types.length],
                    "工业", "燃煤锅炉", "市生态环境局", start, start.plusMonths(3 + i % 15).minusDays(1), 100.0 * (i + 1),
                    Map.of(pollutants[i % 5], 10.0 * (i + 1), pollutants[(i + 1) % 5], 5.0 * (i + 1)), "", status[i % status.length],
                    List.of("PM2.5 年均浓度")));
        }
        for (int y = 0; y < 4; y++) {
            repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2026 + y / 2, 6 + 6 * (y % 2), 30), "指标 1", 40 - 2 * y, "µg/m³",
                    Milestone.Direction.AT_MOST));
        }
        for (int k = 1; k <= 8; k++) {
            for (int m = 1; m <= 12; m++) {
                repo.addTracking(new TrackingRecord(Ids.newId(), p.id(), "", "指标 " + k, LocalDate.of(2026, m, 28),
                        40 - m * 0.5 + k, "µg/m³"));
            }
        }
        List<BlockRef> a = new ArrayList<>();
        List<BlockRef> b = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            a.add(new BlockRef("synthetic", Map.of("n", Integer.toString(i)), true));
        }
        for (int i = 0; i < 11; i++) {
            b.add(new BlockRef("synthetic", Map.of("n", Integer.toString(100 + i), "table", "false"), true));
        }
        String text = "本章以监测与清单结果为依据，分析现状、问题与成因，并给出相应结论。".repeat(6);
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.DIAGNOSIS, text + "\n\n" + text, a));
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.SOURCES, text + "\n\n" + text, b));
        return p;
    }

    /** Twelve rows of three numeric columns. */
    static final class Synthetic implements BlockSource {
        @Override
        public String id() {
            return "synthetic";
        }

        @Override
        public Block render(BlockRef ref, Context context) {
            int n = Integer.parseInt(ref.params().get("n"));
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                rows.add(List.of(i + "月", 30.0 + (i * 7 + n) % 20, 60.0 + (i * 5 + n) % 30, 100.0 + (i * 3 + n) % 40));
            }
            return new Block("synthetic", "合成数据 " + n, List.of("月份", "PM2.5", "PM10", "O₃"), rows, ref.chart(),
                    new Provenance("bench", "GB 3095-2012", "synthetic"));
        }
    }
}
