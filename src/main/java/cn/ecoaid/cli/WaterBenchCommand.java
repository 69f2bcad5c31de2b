package cn.ecoaid.cli;

import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.water.BelowDetectionRule;
import cn.ecoaid.water.BioIndices;
import cn.ecoaid.water.BioSample;
import cn.ecoaid.water.Gb3838;
import cn.ecoaid.water.SectionEvaluator;
import cn.ecoaid.water.TaxaTable;
import cn.ecoaid.water.WaterBodyType;
import cn.ecoaid.water.WaterQualityFile;
import cn.ecoaid.water.WaterSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench water}: reads a generated long-form file of daily section data (sections × days × 9 items), classifies
 * every sample under GB 3838-2002, and computes the indices of generated benthic samples; prints the times.
 */
@Command(name = "water", mixinStandardHelpOptions = true,
        description = "Water ecology: import + GB 3838 classification of daily section data; biological indices")
final class WaterBenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sections", defaultValue = "300", description = "sections (default: ${DEFAULT-VALUE})")
    int sections;

    @Option(names = "--days", defaultValue = "365", description = "days (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--bio-samples", defaultValue = "10000", description = "benthic samples (default: ${DEFAULT-VALUE})")
    int bioSamples;

    static final String[] ITEMS = {"pH", "DO", "CODMn", "COD", "BOD5", "NH3-N", "TP", "Cu", "Hg"};
    static final double[] BASE = {7.5, 6, 4, 18, 3, 0.8, 0.15, 0.005, 0.00003};

    @Override
    public void run() {
        Random random = new Random(42);
        Path file;
        try {
            file = Files.createTempFile("water-bench", ".csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("site,date,parameter,value,unit\n");
                LocalDate start = LocalDate.of(2024, 1, 1);
                for (int s = 0; s < sections; s++) {
                    for (int d = 0; d < days; d++) {
                        String date = start.plusDays(d).toString();
                        for (int i = 0; i < ITEMS.length; i++) {
                            double v = BASE[i] * (0.5 + random.nextDouble());
                            w.write("S" + s + "," + date + "," + ITEMS[i] + "," + (float) v + (i == 0 ? ",\n" : ",mg/L\n"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0 = System.nanoTime();
        List<WaterSample> samples = WaterQualityFile.read(TableFiles.read(file), WaterBodyType.RIVER, false).samples();
        long t1 = System.nanoTime();
        SectionEvaluator eval = new SectionEvaluator(Gb3838.shipped());
        int worse = 0;
        for (WaterSample s : samples) {
            if (eval.evaluate(s.numbers(BelowDetectionRule.HALF_LIMIT), s.type(), null).mainPollutants().size() > 0) {
                worse++;
            }
        }
        long t2 = System.nanoTime();
        TaxaTable taxa = TaxaTable.shipped();
        List<BioSample> bio = new ArrayList<>();
        for (int i = 0; i < bioSamples; i++) {
            List<BioSample.Count> counts = new ArrayList<>();
            for (int k = 0; k < 25; k++) {
                var t = taxa.taxa().get(random.nextInt(taxa.taxa().size()));
                counts.add(new BioSample.Count(t.latin(), 1 + random.nextInt(60), Double.NaN, "", ""));
            }
            bio.add(new BioSample("B" + i, "B" + i, "", "", "", counts));
        }
        BioIndices ix = new BioIndices(taxa);
        long t3 = System.nanoTime();
        double sum = 0;
        for (BioSample b : bio) {
            sum += ix.compute(b).get("shannon_ln");
        }
        long t4 = System.nanoTime();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
        spec.commandLine().getOut().println(Messages.get("water.bench.result", samples.size(), (long) samples.size() * ITEMS.length,
                ms(t1 - t0), ms(t2 - t1), worse, bio.size(), ms(t4 - t3), String.format(java.util.Locale.ROOT, "%.3f", sum / bio.size())));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
