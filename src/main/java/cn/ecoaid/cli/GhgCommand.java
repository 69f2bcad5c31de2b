package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.inventory.ghg.GhgInventory;
import cn.ecoaid.inventory.ghg.GhgRecord;
import cn.ecoaid.inventory.ghg.GwpSet;
import cn.ecoaid.inventory.ghg.GwpTable;
import cn.ecoaid.inventory.ghg.KeyCategories;
import cn.ecoaid.inventory.ghg.Uncertainty;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ghg compute|kca|uncertainty}: Tier 1 greenhouse-gas inventory on files. */
@Command(name = "ghg", mixinStandardHelpOptions = true,
        description = "Greenhouse-gas inventory (IPCC 2006 Tier 1): CO2e totals, key categories, uncertainty",
        subcommands = {GhgCommand.Compute.class, GhgCommand.Kca.class, GhgCommand.UncertaintyRun.class, GhgCommand.Series.class})
public final class GhgCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<GhgInventory.Line> lines(Path file, String gwp) {
        List<GhgRecord> records = GhgInventory.read(TableFiles.read(file));
        return GhgInventory.compute(records, GwpSet.parse(gwp), GwpTable.shipped());
    }

    @Command(name = "compute", mixinStandardHelpOptions = true, description = "Emissions per line in t of gas and t CO2e")
    static final class Compute implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--activities", required = true, description = "GHG records (CSV/XLSX, docs/formats.md)")
        Path activities;

        @Option(names = "--gwp", defaultValue = "AR5", description = "SAR, TAR, AR4, AR5 or AR6 (default ${DEFAULT-VALUE})")
        String gwp;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            List<GhgInventory.Line> lines = lines(activities, gwp);
            List<List<String>> rows = new ArrayList<>();
            for (GhgInventory.Line l : lines) {
                rows.add(List.of(l.record().id(), l.record().category(), l.record().gas(), InventoryCommand.num(l.tonnes()),
                        InventoryCommand.num(l.gwp()), InventoryCommand.num(l.tCo2e())));
            }
            TableFiles.write(out, List.of("record_id", "category", "gas", "emission_t", "gwp_" + gwp.toUpperCase(Locale.ROOT),
                    "co2e_t"), rows);
            w.println(Messages.get("ghg.cli.computed", lines.size(), InventoryCommand.num(GhgInventory.totalCo2e(lines)),
                    gwp.toUpperCase(Locale.ROOT), out));
        }
    }

    @Command(name = "series", mixinStandardHelpOptions = true,
            description = "Time series: CO2e per category and gas for several years, with one GWP set")
    static final class Series implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--year", required = true, description = "YEAR=records.csv, once per year (e.g. --year 2020=ghg-2020.csv)")
        Map<Integer, Path> years;

        @Option(names = "--gwp", defaultValue = "AR5")
        String gwp;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public void run() {
            java.util.SortedMap<Integer, List<GhgInventory.Line>> byYear = new java.util.TreeMap<>();
            years.forEach((y, f) -> byYear.put(y, lines(f, gwp)));
            List<GhgInventory.SeriesRow> series = GhgInventory.series(byYear);
            List<String> headers = new ArrayList<>(List.of("category", "gas"));
            byYear.keySet().forEach(y -> headers.add(y + "_co2e_t"));
            List<List<String>> rows = new ArrayList<>();
            double[] totals = new double[byYear.size()];
            for (GhgInventory.SeriesRow r : series) {
                List<String> row = new ArrayList<>(List.of(r.category(), r.gas()));
                for (int i = 0; i < r.co2e().length; i++) {
                    row.add(InventoryCommand.num(r.co2e()[i]));
                    totals[i] += r.co2e()[i];
                }
                rows.add(row);
            }
            List<String> total = new ArrayList<>(List.of("*", "*"));
            for (double t : totals) {
                total.add(InventoryCommand.num(t));
            }
            rows.add(total);
            TableFiles.write(out, headers, rows);
            spec.commandLine().getOut().println(Messages.get("ghg.cli.series", byYear.size(), series.size(), out));
        }
    }

    @Command(name = "kca", mixinStandardHelpOptions = true, description = "Key category analysis, approach 1 (level; trend with --base)")
    static final class Kca implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--activities", required = true, description = "GHG records of the assessed year")
        Path activities;

        @Option(names = "--base", description = "GHG records of the base year (adds the trend assessment)")
        Path base;

        @Option(names = "--gwp", defaultValue = "AR5")
        String gwp;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            Map<String, Double> current = GhgInventory.byCategoryAndGas(lines(activities, gwp));
            List<List<String>> rows = new ArrayList<>();
            int keys = 0;
            for (KeyCategories.Row r : KeyCategories.level(current)) {
                rows.add(row("level", r));
                keys += r.isKey() ? 1 : 0;
            }
            if (base != null) {
                Map<String, Double> b = GhgInventory.byCategoryAndGas(lines(base, gwp));
                for (KeyCategories.Row r : KeyCategories.trend(b, current)) {
                    rows.add(row("trend", r));
                }
            }
            TableFiles.write(out, List.of("assessment", "category", "gas", "base_co2e_t", "co2e_t", "value", "share",
                    "cumulative", "key"), rows);
            w.println(Messages.get("ghg.cli.kca", current.size(), keys, out));
        }

        private static List<String> row(String kind, KeyCategories.Row r) {
            String[] k = r.key().split("\\|", 2);
            return List.of(kind, k[0], k.length > 1 ? k[1] : "", InventoryCommand.num(r.baseCo2e()),
                    InventoryCommand.num(r.currentCo2e()), InventoryCommand.num(r.assessment()), InventoryCommand.num(r.share()),
                    InventoryCommand.num(r.cumulative()), r.isKey() ? "yes" : "no");
        }
    }

    @Command(name = "uncertainty", mixinStandardHelpOptions = true,
            description = "Uncertainty: approach 1 (error propagation) and approach 2 (Monte Carlo, seeded)")
    static final class UncertaintyRun implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--activities", required = true)
        Path activities;

        @Option(names = "--gwp", defaultValue = "AR5")
        String gwp;

        @Option(names = "--draws", defaultValue = "10000")
        int draws;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--distribution", defaultValue = "normal", description = "normal or lognormal")
        String distribution;

        @Option(names = "--base", description = "GHG records of the base year, matched by record_id (adds the approach 1 trend uncertainty)")
        Path base;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            List<GhgInventory.Line> lines = lines(activities, gwp);
            List<Uncertainty.Input> in = new ArrayList<>();
            for (GhgInventory.Line l : lines) {
                in.add(new Uncertainty.Input(l.record().id(), l.tCo2e(), l.record().uActivityPct(), l.record().uFactorPct()));
            }
            Uncertainty.Distribution dist;
            try {
                dist = Uncertainty.Distribution.valueOf(distribution.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new EcoAidException("ghg.error.distribution", distribution);
            }
            Uncertainty.Approach1 a1 = Uncertainty.approach1(in);
            Uncertainty.MonteCarlo mc = Uncertainty.monteCarlo(in, draws, seed, dist, ProgressListener.NONE);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                Uncertainty.Input x = in.get(i);
                rows.add(List.of("approach1", x.key(), InventoryCommand.num(x.emission()), InventoryCommand.num(x.uActivityPct()),
                        InventoryCommand.num(x.uFactorPct()), InventoryCommand.num(a1.linePct()[i]),
                        InventoryCommand.num(a1.varianceShare()[i]), "", ""));
            }
            rows.add(List.of("approach1", "*", InventoryCommand.num(a1.total()), "", "", InventoryCommand.num(a1.uncertaintyPct()),
                    "1", "", ""));
            rows.add(List.of("approach2", "*", InventoryCommand.num(mc.mean()), "", "", InventoryCommand.num(mc.halfWidthPct()),
                    "", InventoryCommand.num(mc.p025()), InventoryCommand.num(mc.p975())));
            Uncertainty.Trend trend = null;
            if (base != null) {
                Map<String, Double> baseById = new java.util.LinkedHashMap<>();
                for (GhgInventory.Line l : lines(base, gwp)) {
                    baseById.merge(l.record().id(), l.tCo2e(), Double::sum);
                }
                List<Uncertainty.TrendInput> tin = new ArrayList<>();
                for (GhgInventory.Line l : lines) {
                    tin.add(new Uncertainty.TrendInput(l.record().id(), baseById.getOrDefault(l.record().id(), 0.0), l.tCo2e(),
                            l.record().uActivityPct(), l.record().uFactorPct()));
                }
                trend = Uncertainty.trend(tin);
                for (int i = 0; i < tin.size(); i++) {
                    Uncertainty.TrendInput x = tin.get(i);
                    double part = Math.sqrt(Math.pow(trend.fromFactor()[i], 2) + Math.pow(trend.fromActivity()[i], 2));
                    rows.add(List.of("trend", x.key(), InventoryCommand.num(x.current()), InventoryCommand.num(x.uActivityPct()),
                            InventoryCommand.num(x.uFactorPct()), InventoryCommand.num(part), "", "", ""));
                }
                rows.add(List.of("trend", "*", InventoryCommand.num(trend.currentTotal()), "", "",
                        InventoryCommand.num(trend.uncertaintyPoints()), "", "", ""));
            }
            TableFiles.write(out, List.of("method", "record_id", "co2e_t", "u_activity_pct", "u_factor_pct", "u_pct",
                    "variance_share", "p2.5", "p97.5"), rows);
            if (trend != null) {
                w.println(Messages.get("ghg.cli.trend", InventoryCommand.num(trend.trendPct()),
                        InventoryCommand.num(trend.uncertaintyPoints())));
            }
            w.println(Messages.get("ghg.cli.uncertainty", InventoryCommand.num(a1.total()),
                    InventoryCommand.num(a1.uncertaintyPct()), mc.draws(), Long.toString(mc.seed()), InventoryCommand.num(mc.mean()),
                    InventoryCommand.num(mc.p025()), InventoryCommand.num(mc.p975()), InventoryCommand.num(mc.halfWidthPct())));
        }
    }
}
