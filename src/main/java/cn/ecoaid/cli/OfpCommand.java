package cn.ecoaid.cli;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.ofp.MirTable;
import cn.ecoaid.pmf.ofp.Ofp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofp}: ozone formation potential of VOC samples (MIR), by group and top species, VOC/NOx. */
@Command(name = "ofp", mixinStandardHelpOptions = true,
        description = "Ozone formation potential of VOC samples (long format sample,time,species,value)")
public final class OfpCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "CSV/XLSX with columns sample,time,species,value (NOx rows optional)")
    Path input;

    @Option(names = "--unit", required = true, description = "ppbv or ugm3")
    String unit;

    @Option(names = "--mir", defaultValue = "carter", description = "carter (Carter 2010, default) or china (Zhang et al. 2021)")
    String mir;

    @Option(names = "--top", defaultValue = "10")
    int top;

    @Option(names = "--out", required = true, description = "per-species lines; -samples.csv and -top.csv are written beside it")
    Path out;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        List<Ofp.Sample> samples = Ofp.read(TableFiles.read(input), input.getFileName().toString());
        Ofp.Result r = Ofp.compute(samples, Ofp.Unit.parse(unit), Ofp.MirSet.parse(mir), MirTable.shipped(), top);
        List<List<String>> rows = new ArrayList<>();
        for (Ofp.Line l : r.lines()) {
            rows.add(List.of(l.sample(), l.time(), l.species(), l.match() == null ? "" : l.match().name(),
                    l.match() == null ? "" : l.match().ofpGroup(), num(l.ppbv()), num(l.ugm3()), num(l.mir()),
                    l.match() == null ? "unknown" : l.carterFallback() ? "carter-fallback" : Ofp.MirSet.parse(mir).name().toLowerCase(),
                    num(l.ofp())));
        }
        TableFiles.write(out, List.of("sample", "time", "species", "matched", "group", "ppbv", "ugm3", "mir",
                "mir_source", "ofp_ugm3"), rows);
        String base = out.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        List<String> head = new ArrayList<>(List.of("sample", "time"));
        for (String g : Ofp.GROUPS) {
            head.add("ofp_" + g);
        }
        head.addAll(List.of("ofp_total", "voc_ppbv", "voc_ugm3", "nox_ppbv", "voc_to_nox"));
        List<List<String>> st = new ArrayList<>();
        for (Ofp.SampleTotal s : r.samples()) {
            List<String> row = new ArrayList<>(List.of(s.sample(), s.time()));
            for (String g : Ofp.GROUPS) {
                row.add(num(s.ofpByGroup().get(g)));
            }
            row.addAll(List.of(num(s.ofp()), num(s.vocPpbv()), num(s.vocUgm3()), num(s.noxPpbv()), num(s.vocToNox())));
            st.add(row);
        }
        Path samplesFile = out.resolveSibling(base + "-samples.csv");
        TableFiles.write(samplesFile, head, st);
        List<List<String>> tops = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.topSpecies()) {
            tops.add(List.of(e.getKey(), num(e.getValue())));
        }
        Path topFile = out.resolveSibling(base + "-top.csv");
        TableFiles.write(topFile, List.of("species", "mean_ofp_ugm3"), tops);
        w.println(Messages.get("ofp.cli.done", r.samples().size(), r.lines().size(), out, samplesFile, topFile));
        if (!r.unknown().isEmpty()) {
            w.println(Messages.get("ofp.cli.unknown", r.unknown().size(), String.join(", ", r.unknown())));
        }
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.6g", v) : "";
    }
}
