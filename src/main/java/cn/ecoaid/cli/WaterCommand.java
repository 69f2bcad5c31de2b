package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.water.BelowDetectionRule;
import cn.ecoaid.water.BibiBuilder;
import cn.ecoaid.water.BibiJson;
import cn.ecoaid.water.BibiModel;
import cn.ecoaid.water.BioFile;
import cn.ecoaid.water.BioIndices;
import cn.ecoaid.water.BioSample;
import cn.ecoaid.water.Gb3838;
import cn.ecoaid.water.Grading;
import cn.ecoaid.water.MetricTable;
import cn.ecoaid.water.RiverEvaluation;
import cn.ecoaid.water.SectionEvaluator;
import cn.ecoaid.water.SectionResult;
import cn.ecoaid.water.TaxaTable;
import cn.ecoaid.water.TrophicState;
import cn.ecoaid.water.WaterBodyType;
import cn.ecoaid.water.WaterClass;
import cn.ecoaid.water.WaterQualityFile;
import cn.ecoaid.water.WaterSample;
import cn.ecoaid.domain.Table;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code water classify|tli|indices|bibi}: surface-water classes, lake trophic state, biological indices, B-IBI. */
@Command(name = "water", mixinStandardHelpOptions = true,
        description = "Water ecology: GB 3838-2002 classes, lake TLI, biological indices, B-IBI",
        subcommands = {WaterCommand.Classify.class, WaterCommand.Compare.class, WaterCommand.Tli.class, WaterCommand.Indices.class, WaterCommand.Taxa.class, WaterCommand.Bibi.class})
public final class WaterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Options for reading measurement files. */
    static final class MeasurementOptions {
        @Option(names = "--input", required = true, description = "measurements (CSV/XLSX, long or wide form; docs/formats.md)")
        Path input;

        @Option(names = "--type", defaultValue = "river", description = "water body when the file has no type column: river or lake (default: ${DEFAULT-VALUE})")
        String type;

        @Option(names = "--below-detection", defaultValue = "half",
                description = "value used for results below the detection limit: half (of the limit), limit or zero (default: ${DEFAULT-VALUE})")
        String belowDetection;

        @Option(names = "--valid-only", description = "use the valid rows and list the bad ones, instead of stopping")
        boolean validOnly;

        @Option(names = "--sites", description = "sites (CSV/XLSX: code/site and 水体类型, 水质目标, 河流 …) for rows that leave these out")
        Path sites;

        WaterQualityFile.Result read(PrintWriter err) {
            Map<String, WaterQualityFile.SiteInfo> info = new LinkedHashMap<>();
            if (sites != null) {
                Table st = TableFiles.read(sites);
                int code = new cn.ecoaid.io.HeaderMap(st.headers()).find(List.of("code", "site", "编码", "站点编码", "断面", "站点"))
                        .orElse(0);
                for (Table.Row row : st.rows()) {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < st.headers().size(); i++) {
                        attrs.put(st.headers().get(i), row.get(i));
                    }
                    info.put(row.get(code), WaterQualityFile.SiteInfo.of(attrs));
                }
            }
            WaterQualityFile.Result r = WaterQualityFile.read(TableFiles.read(input), WaterBodyType.parse(type), validOnly, info);
            if (!r.ignoredColumns().isEmpty()) {
                err.println(Messages.get("water.cli.ignoredColumns", String.join(", ", r.ignoredColumns())));
            }
            if (!r.problems().isEmpty()) {
                err.println(Messages.get("water.cli.skipped", r.problems().size()));
                Main.printProblems(err, r.problems());
            }
            if (r.samples().isEmpty()) {
                throw new EcoAidException("water.error.noSamples", input);
            }
            return r;
        }
    }

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = "Class of each site and date under GB 3838-2002 (single factor, 21 items), main pollutants, target attainment")
    static final class Classify implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        MeasurementOptions in;

        @Option(names = "--target", description = "target class for sites without a target column (I–V)")
        String target;

        @Option(names = "--out", required = true, description = "classes per site and date (CSV/XLSX)")
        Path out;

        @Option(names = "--summary", description = "evaluation of each river/lake (water body column) over the period (CSV/XLSX)")
        Path summary;

        @Option(names = "--by-period", description = "in --summary, one evaluation per hydrological period (水期 column) as well")
        boolean byPeriod;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            BelowDetectionRule rule = BelowDetectionRule.parse(in.belowDetection);
            WaterClass defaultTarget = target == null ? null : WaterClass.parse(target);
            WaterQualityFile.Result r = in.read(spec.commandLine().getErr());
            SectionEvaluator eval = new SectionEvaluator(Gb3838.shipped());
            List<List<String>> rows = new ArrayList<>();
            for (WaterSample s : r.samples()) {
                WaterClass t = s.target() != null ? s.target() : defaultTarget;
                SectionResult c = eval.evaluate(s.numbers(rule), s.type(), t);
                String below = s.values().entrySet().stream().filter(e -> e.getValue().belowDetection())
                        .map(e -> e.getKey() + e.getValue().text()).collect(Collectors.joining(";"));
                rows.add(List.of(s.site(), s.date().toString(), s.waterBody(), s.period(), s.type().name().toLowerCase(Locale.ROOT),
                        c.waterClass().label(), Messages.get(c.status().key()), t == null ? "" : t.label(),
                        c.attained() == null ? "" : c.attained() ? "yes" : "no", c.mainPollutantText(),
                        c.mainPollutants().stream().map(i -> i.item().code()).collect(Collectors.joining(";")),
                        c.items().stream().filter(i -> !Double.isNaN(i.exceedanceTarget()) && i.exceedanceTarget() > 0)
                                .map(i -> i.item().code() + ":" + num(i.exceedanceTarget())).collect(Collectors.joining(";")),
                        below));
            }
            TableFiles.write(out, List.of("site", "date", "water_body", "period", "type", "class", "status", "target", "attained",
                    "main_pollutants", "main_pollutant_codes", "exceedance_vs_target", "below_detection"), rows);
            if (summary != null) {
                writeSummary(r.samples(), rule, eval);
            }
            w.println(Messages.get("water.cli.classified", r.samples().size(), out));
        }

        private void writeSummary(List<WaterSample> samples, BelowDetectionRule rule, SectionEvaluator eval) {
            Map<String, List<WaterSample>> byBody = new LinkedHashMap<>();
            samples.forEach(s -> byBody.computeIfAbsent(s.waterBody() + "\u0000" + s.type()
                    + (byPeriod ? "\u0000" + s.period() : ""), k -> new ArrayList<>()).add(s));
            List<List<String>> rows = new ArrayList<>();
            RiverEvaluation re = new RiverEvaluation(eval);
            for (List<WaterSample> list : byBody.values()) {
                // the period mean of each section, then the river evaluation
                Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
                for (WaterSample s : list) {
                    Map<String, double[]> m = sums.computeIfAbsent(s.site(), k -> new LinkedHashMap<>());
                    s.numbers(rule).forEach((k, v) -> {
                        double[] a = m.computeIfAbsent(k, x -> new double[2]);
                        a[0] += v;
                        a[1]++;
                    });
                }
                List<RiverEvaluation.Section> sections = new ArrayList<>();
                sums.forEach((site, m) -> {
                    Map<String, Double> means = new LinkedHashMap<>();
                    m.forEach((k, a) -> means.put(k, a[0] / a[1]));
                    sections.add(new RiverEvaluation.Section(site, means));
                });
                RiverEvaluation.Result res = re.evaluate(sections, list.get(0).type());
                rows.add(List.of(list.get(0).waterBody(), byPeriod ? list.get(0).period() : "",
                        list.get(0).type().name().toLowerCase(Locale.ROOT),
                        Integer.toString(sections.size()), res.method().name().toLowerCase(Locale.ROOT),
                        res.meanResult() == null ? "" : res.meanResult().waterClass().label(), Messages.get(res.status().key()),
                        num(100 * res.shareIToIII()), num(100 * res.shareWorseThanV()), String.join(";", res.mainPollutants()),
                        res.sections().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().waterClass().label())
                                .collect(Collectors.joining(";"))));
            }
            TableFiles.write(summary, List.of("water_body", "period", "type", "sections", "method", "class", "status", "pct_I_III",
                    "pct_worse_than_V", "main_pollutants", "section_classes"), rows);
        }
    }

    /** The period mean of each site (item → mean over its samples), sites in file order. */
    static Map<String, Map<String, Double>> siteMeans(List<WaterSample> samples, BelowDetectionRule rule) {
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
        for (WaterSample s : samples) {
            Map<String, double[]> m = sums.computeIfAbsent(s.site(), k -> new LinkedHashMap<>());
            s.numbers(rule).forEach((k, v) -> {
                double[] a = m.computeIfAbsent(k, x -> new double[2]);
                a[0] += v;
                a[1]++;
            });
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        sums.forEach((site, m) -> {
            Map<String, Double> means = new LinkedHashMap<>();
            m.forEach((k, a) -> means.put(k, a[0] / a[1]));
            out.put(site, means);
        });
        return out;
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Change between two periods (2011 rules): each site's class of its period mean, and the river by class proportions")
    static final class Compare implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--before", required = true, description = "measurements of the earlier period (CSV/XLSX)")
        Path before;

        @Option(names = "--after", required = true, description = "measurements of the later period (CSV/XLSX)")
        Path after;

        @Option(names = "--type", defaultValue = "river", description = "water body when the files have no type column (default: ${DEFAULT-VALUE})")
        String type;

        @Option(names = "--below-detection", defaultValue = "half", description = "half, limit or zero (default: ${DEFAULT-VALUE})")
        String belowDetection;

        @Option(names = "--out", required = true, description = "one row per site and one for all sites together (CSV/XLSX)")
        Path out;

        @Override
        public void run() {
            BelowDetectionRule rule = BelowDetectionRule.parse(belowDetection);
            WaterBodyType t = WaterBodyType.parse(type);
            List<WaterSample> a = WaterQualityFile.read(TableFiles.read(before), t, false).samples();
            List<WaterSample> b = WaterQualityFile.read(TableFiles.read(after), t, false).samples();
            if (a.isEmpty() || b.isEmpty()) {
                throw new EcoAidException("water.error.noSamples", a.isEmpty() ? before : after);
            }
            WaterBodyType bodyType = a.get(0).type();
            SectionEvaluator eval = new SectionEvaluator(Gb3838.shipped());
            Map<String, Map<String, Double>> ma = siteMeans(a, rule);
            Map<String, Map<String, Double>> mb = siteMeans(b, rule);
            List<List<String>> rows = new ArrayList<>();
            List<RiverEvaluation.Section> sa = new ArrayList<>();
            List<RiverEvaluation.Section> sb = new ArrayList<>();
            for (String site : ma.keySet()) {
                if (!mb.containsKey(site)) {
                    continue;
                }
                WaterClass ca = eval.evaluate(ma.get(site), bodyType, null).waterClass();
                WaterClass cb = eval.evaluate(mb.get(site), bodyType, null).waterClass();
                rows.add(List.of("site", site, ca.label(), cb.label(), "", "", "", "",
                        Messages.get(cn.ecoaid.water.Trend.ofSection(ca, cb).key())));
                sa.add(new RiverEvaluation.Section(site, ma.get(site)));
                sb.add(new RiverEvaluation.Section(site, mb.get(site)));
            }
            if (sa.isEmpty()) {
                throw new EcoAidException("water.error.noCommonSites");
            }
            RiverEvaluation re = new RiverEvaluation(eval);
            RiverEvaluation.Result ra = re.evaluate(sa, bodyType);
            RiverEvaluation.Result rb = re.evaluate(sb, bodyType);
            cn.ecoaid.water.Trend trend = ra.method() == RiverEvaluation.Method.CLASS_PROPORTION
                    ? cn.ecoaid.water.Trend.ofProportions(ra.shareIToIII(), ra.shareWorseThanV(), rb.shareIToIII(), rb.shareWorseThanV())
                    : cn.ecoaid.water.Trend.ofSection(ra.meanResult().waterClass(), rb.meanResult().waterClass());
            rows.add(List.of("all", ra.method().name().toLowerCase(Locale.ROOT),
                    ra.meanResult() == null ? Messages.get(ra.status().key()) : ra.meanResult().waterClass().label(),
                    rb.meanResult() == null ? Messages.get(rb.status().key()) : rb.meanResult().waterClass().label(),
                    num(100 * ra.shareIToIII()), num(100 * rb.shareIToIII()), num(100 * ra.shareWorseThanV()),
                    num(100 * rb.shareWorseThanV()), Messages.get(trend.key())));
            TableFiles.write(out, List.of("level", "name", "before", "after", "pct_I_III_before", "pct_I_III_after",
                    "pct_worse_than_V_before", "pct_worse_than_V_after", "trend"), rows);
            spec.commandLine().getOut().println(Messages.get("water.cli.compared", sa.size(), Messages.get(trend.key()), out));
        }
    }

    @Command(name = "tli", mixinStandardHelpOptions = true,
            description = "Lake trophic state index TLI(Σ) from chl-a, TP, TN, SD and CODMn, with grade")
    static final class Tli implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        MeasurementOptions in;

        @Option(names = "--out", required = true, description = "TLI per site and date (CSV/XLSX)")
        Path out;

        @Override
        public void run() {
            in.type = "lake";
            BelowDetectionRule rule = BelowDetectionRule.parse(in.belowDetection);
            WaterQualityFile.Result r = in.read(spec.commandLine().getErr());
            TrophicState ts = TrophicState.shipped();
            List<String> headers = new ArrayList<>(List.of("site", "date", "water_body"));
            ts.parameters().forEach(p -> headers.add("TLI_" + p.code()));
            headers.addAll(List.of("TLI", "grade", "parameters"));
            List<List<String>> rows = new ArrayList<>();
            for (WaterSample s : r.samples()) {
                TrophicState.Result t = ts.compute(s.numbers(rule));
                List<String> row = new ArrayList<>(List.of(s.site(), s.date().toString(), s.waterBody()));
                ts.parameters().forEach(p -> row.add(num(t.partial().getOrDefault(p.code(), Double.NaN))));
                row.add(num(t.tli()));
                row.add(Messages.get(t.grade().key()));
                row.add(String.join(";", t.partial().keySet()));
                rows.add(row);
            }
            TableFiles.write(out, headers, rows);
            spec.commandLine().getOut().println(Messages.get("water.cli.tli", rows.size(), out));
        }
    }

    /** Options for reading taxa counts with a taxa table. */
    static final class TaxaOptions {
        @Option(names = "--taxa", description = "taxa table (CSV/XLSX: name_zh, latin, rank, family, order, tolerance, ffg, bmwp)")
        Path taxa;

        @Option(names = "--default-taxa", description = "use the shipped taxa table (secondary values, see docs)")
        boolean defaultTaxa;

        @Option(names = "--taxa-library", description = "platform[:VERSION]: use the platform's taxa list pulled into --workspace")
        String taxaLibrary;

        @Option(names = "--workspace", description = "workspace holding the pulled platform libraries (with --taxa-library)")
        Path workspace;

        /** The platform taxa-list version used, once read. */
        cn.ecoaid.library.LibraryVersion used;

        /** Prints which platform taxa list the results used. */
        void printLibrary(PrintWriter w) {
            if (used != null) {
                w.println(Messages.get("library.cli.usedTaxa", Messages.get("library.kind." + used.kind().name()), used.shortRef(),
                        used.sha256()));
            }
        }

        TaxaTable table() {
            if (taxaLibrary != null) {
                if (workspace == null) {
                    throw new EcoAidException("library.error.needsWorkspace", taxaLibrary);
                }
                try (cn.ecoaid.store.Workspace ws = cn.ecoaid.store.Workspace.open(workspace, java.time.Clock.systemUTC(),
                        WorkspaceCommand.author())) {
                    var repo = cn.ecoaid.store.SqliteLibraryRepository.of(ws);
                    used = repo.require(cn.ecoaid.library.LibraryKind.TAXA, cn.ecoaid.library.LibraryRef.parse(taxaLibrary));
                    return cn.ecoaid.library.LibraryRef.taxa(repo.content(used), used);
                }
            }
            if (taxa != null) {
                return TaxaTable.read(TableFiles.read(taxa), taxa.getFileName().toString());
            }
            return defaultTaxa ? TaxaTable.shipped() : null;
        }
    }

    static void reportUnknown(PrintWriter err, List<BioIndices.UnknownTaxon> unknown) {
        for (BioIndices.UnknownTaxon u : unknown) {
            String sugg = u.suggestions().stream().map(TaxaTable.Suggestion::name).collect(Collectors.joining(", "));
            err.println(Messages.get(sugg.isEmpty() ? "water.cli.unknownTaxon" : "water.cli.unknownTaxonSuggest", u.sample(),
                    u.taxon(), sugg));
        }
    }

    @Command(name = "indices", mixinStandardHelpOptions = true,
            description = "Diversity and biotic indices per sample (Shannon, Simpson, Margalef, Pielou, EPT, HBI, BMWP/ASPT, Beck's …)")
    static final class Indices implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, description = "taxa counts (sample,site,date,taxon,count[,tolerance,order,family])")
        Path input;

        @CommandLine.Mixin
        TaxaOptions taxaOptions;

        @Option(names = "--out", required = true, description = "indices per sample (CSV/XLSX)")
        Path out;

        @Option(names = "--unknown", description = "taxa not in the taxa table with the closest known names (CSV/XLSX)")
        Path unknownOut;

        @Override
        public void run() {
            Table t = TableFiles.read(input);
            List<BioSample> samples = BioFile.read(t);
            TaxaTable table = taxaOptions.table();
            boolean tolerance = table != null || new cn.ecoaid.io.HeaderMap(t.headers()).find(List.of("tolerance", "tolval", "耐污值", "tv")).isPresent();
            BioIndices ix = new BioIndices(table);
            List<String> headers = new ArrayList<>(List.of("sample", "site", "date", "group"));
            headers.addAll(BioIndices.BASIC);
            headers.add("shannon_grade");
            if (tolerance) {
                headers.addAll(BioIndices.TOLERANCE);
                headers.add("hbi_grade");
            }
            Grading shannon = Grading.load(Grading.SHANNON);
            Grading hilsenhoff = Grading.load(Grading.HILSENHOFF);
            Locale locale = Messages.current().locale();
            List<List<String>> rows = new ArrayList<>();
            List<BioIndices.UnknownTaxon> unknown = new ArrayList<>();
            for (BioSample s : samples) {
                BioIndices.Result r = ix.compute(s);
                unknown.addAll(r.unknown());
                List<String> row = new ArrayList<>(List.of(s.id(), s.site(), s.date(), s.group()));
                BioIndices.BASIC.forEach(k -> row.add(num(r.get(k))));
                Grading.Band sb = shannon.grade(r.get("shannon_ln"));
                row.add(sb == null ? "" : sb.label(locale));
                if (tolerance) {
                    BioIndices.TOLERANCE.forEach(k -> row.add(num(r.get(k))));
                    Grading.Band hb = hilsenhoff.grade(r.get("hbi"));
                    row.add(hb == null ? "" : hb.label(locale));
                }
                rows.add(row);
            }
            TableFiles.write(out, headers, rows);
            reportUnknown(spec.commandLine().getErr(), unknown);
            if (unknownOut != null) {
                TableFiles.write(unknownOut, List.of("sample", "taxon", "suggestions"), unknown.stream()
                        .map(u -> List.of(u.sample(), u.taxon(), u.suggestions().stream().map(TaxaTable.Suggestion::name)
                                .collect(Collectors.joining(";")))).toList());
            }
            spec.commandLine().getOut().println(Messages.get("water.cli.indices", rows.size(), out, unknown.size()));
            taxaOptions.printLibrary(spec.commandLine().getOut());
        }
    }

    @Command(name = "taxa", mixinStandardHelpOptions = true,
            description = "Write the shipped taxa table (to edit and use with --taxa)")
    static final class Taxa implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, description = "taxa table (CSV/XLSX)")
        Path out;

        @Override
        public void run() {
            List<List<String>> rows = new ArrayList<>();
            for (cn.ecoaid.water.Taxon t : TaxaTable.shipped().taxa()) {
                rows.add(List.of(t.nameZh(), t.latin(), t.rank(), t.family(), t.order(), num(t.tolerance()), t.ffg(),
                        num(t.bmwp())));
            }
            TableFiles.write(out, List.of("name_zh", "latin", "rank", "family", "order", "tolerance", "ffg", "bmwp"), rows);
            spec.commandLine().getOut().println(Messages.get("water.cli.taxa", rows.size(), out));
        }
    }

    @Command(name = "bibi", mixinStandardHelpOptions = true, description = "Build a B-IBI from reference and impaired sites; score samples",
            subcommands = {BibiBuild.class, BibiScore.class})
    static final class Bibi implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Metric rows from a metric table or taxa counts. */
    static List<BibiBuilder.MetricRow> metricRows(Path input, TaxaOptions taxa) {
        Table t = TableFiles.read(input);
        if (BioFile.isTaxaTable(t)) {
            return MetricTable.fromSamples(BioFile.read(t), taxa.table());
        }
        return MetricTable.readWide(t);
    }

    static Set<String> names(String list) throws java.io.IOException {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Path p = Path.of(list);
        if (Files.isRegularFile(p)) {
            Table t = TableFiles.read(p);
            Set<String> out = new java.util.LinkedHashSet<>();
            out.add(t.headers().get(0).strip());
            t.rows().forEach(r -> out.add(r.get(0)));
            out.remove("");
            out.remove("site");
            out.remove("sample");
            return out;
        }
        return Arrays.stream(list.split("[,;，；]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Range test, box-plot IQ, redundancy screen, ratio scoring, grades from the reference 25th percentile")
    static final class BibiBuild implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, description = "metrics per sample, or taxa counts (CSV/XLSX)")
        Path input;

        @CommandLine.Mixin
        TaxaOptions taxa;

        @Option(names = "--reference", description = "reference samples or sites: a comma-separated list or a file whose first column lists them (default: the file's role column)")
        String reference;

        @Option(names = "--impaired", description = "impaired samples or sites (default: every sample not in --reference)")
        String impaired;

        @Option(names = "--metrics", description = "candidate metrics, comma-separated (default: every metric present in all samples)")
        String metrics;

        @Option(names = "--correlation", defaultValue = "spearman", description = "spearman or pearson (default: ${DEFAULT-VALUE})")
        String correlation;

        @Option(names = "--max-r", defaultValue = "0.75", description = "redundancy threshold |r| (default: ${DEFAULT-VALUE})")
        double maxR;

        @Option(names = "--min-iq", defaultValue = "2", description = "least box-plot IQ score kept (default: ${DEFAULT-VALUE})")
        int minIq;

        @Option(names = "--out", required = true, description = "the model (JSON)")
        Path out;

        @Option(names = "--steps", description = "every candidate metric with its statistics and decisions (CSV/XLSX)")
        Path steps;

        @Option(names = "--scores", description = "index and grade of every sample used (CSV/XLSX)")
        Path scores;

        @Override
        public void run() {
            List<BibiBuilder.MetricRow> rows = metricRows(input, taxa);
            Set<String> ref;
            Set<String> imp;
            try {
                ref = names(reference);
                imp = names(impaired);
            } catch (java.io.IOException e) {
                throw new EcoAidException(e, "error.file.read", reference, e.getMessage());
            }
            List<BibiBuilder.MetricRow> roled = new ArrayList<>();
            for (BibiBuilder.MetricRow r : rows) {
                String role = r.role();
                if (!ref.isEmpty()) {
                    boolean isRef = ref.contains(r.sample()) || ref.contains(r.site());
                    boolean isImp = imp.isEmpty() ? !isRef : imp.contains(r.sample()) || imp.contains(r.site());
                    role = isRef ? "reference" : isImp ? "impaired" : "";
                }
                roled.add(new BibiBuilder.MetricRow(r.sample(), r.site(), role, r.metrics()));
            }
            List<String> cands = metrics == null ? MetricTable.candidates(roled)
                    : Arrays.stream(metrics.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            BibiModel m = new BibiBuilder().build(roled, cands, new BibiBuilder.Options(correlation, maxR, minIq));
            BibiJson.save(m, out);
            if (steps != null) {
                List<List<String>> rowsOut = new ArrayList<>();
                for (BibiModel.Candidate c : m.candidates()) {
                    rowsOut.add(List.of(c.metric(), c.group(), c.direction(), num(c.reference().q1()), num(c.reference().median()),
                            num(c.reference().q3()), num(c.impaired().q1()), num(c.impaired().median()), num(c.impaired().q3()),
                            c.rangePassed() ? "yes" : "no", c.rangeReason().isEmpty() ? "" : Messages.get(c.rangeReason()),
                            Integer.toString(c.iq()), c.redundantWith() == null ? "" : c.redundantWith(), num(c.redundancyR()),
                            c.kept() ? "yes" : "no"));
                }
                TableFiles.write(steps, List.of("metric", "group", "direction", "ref_q1", "ref_median", "ref_q3", "imp_q1",
                        "imp_median", "imp_q3", "range_passed", "range_reason", "iq", "redundant_with", "r", "kept"), rowsOut);
            }
            if (scores != null) {
                writeScores(scores, m, m.built());
            }
            spec.commandLine().getOut().println(Messages.get("water.cli.bibiBuilt", m.scoring().size(), m.candidates().size(),
                    m.scoring().stream().map(BibiModel.Scoring::metric).collect(Collectors.joining(", ")), num(m.p25()), out));
            taxa.printLibrary(spec.commandLine().getOut());
        }
    }

    static void writeScores(Path file, BibiModel m, List<BibiModel.SampleScore> list) {
        List<String> headers = new ArrayList<>(List.of("sample", "site", "role"));
        m.scoring().forEach(s -> headers.add("score_" + s.metric()));
        headers.addAll(List.of("bibi", "grade"));
        List<List<String>> rows = new ArrayList<>();
        for (BibiModel.SampleScore s : list) {
            List<String> row = new ArrayList<>(List.of(s.sample(), s.site(), s.role()));
            m.scoring().forEach(sc -> row.add(num(s.scores().get(sc.metric()))));
            row.add(num(s.index()));
            row.add(Messages.get(s.grade().key()));
            rows.add(row);
        }
        TableFiles.write(file, headers, rows);
    }

    @Command(name = "score", mixinStandardHelpOptions = true, description = "Score samples with a saved B-IBI model")
    static final class BibiScore implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, description = "model saved by bibi build (JSON)")
        Path model;

        @Option(names = "--input", required = true, description = "metrics per sample, or taxa counts (CSV/XLSX)")
        Path input;

        @CommandLine.Mixin
        TaxaOptions taxa;

        @Option(names = "--out", required = true, description = "index and grade per sample (CSV/XLSX)")
        Path out;

        @Override
        public void run() {
            BibiModel m = BibiJson.load(model);
            List<BibiModel.SampleScore> list = metricRows(input, taxa).stream()
                    .map(r -> m.score(r.sample(), r.site(), r.role(), r.metrics())).toList();
            writeScores(out, m, list);
            spec.commandLine().getOut().println(Messages.get("water.cli.bibiScored", list.size(), out));
            taxa.printLibrary(spec.commandLine().getOut());
        }
    }
}
