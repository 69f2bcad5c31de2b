package cn.ecoaid.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.pmf.FactorNaming;
import cn.ecoaid.pmf.Method;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.PmfRunner;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.UncertaintyBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sample city's speciated PM2.5 (sample-data/generators/make_pmf.py: six known source profiles, 365 days, measurement
 * noise by each species' error fraction and MDL) is apportioned by PMF from its species table, and the six true sources
 * come back: each true profile is matched by its own factor, and the naming aid's first suggestion for that factor is
 * the true source.
 */
class PmfRecoveryTest {
    static final Path DIR = Path.of("sample-data/project/pmf");

    @Test
    void sixKnownSourcesAreRecoveredAndNamed() {
        Table conc = TableFiles.read(DIR.resolve("pm25-conc.csv"));
        var specs = UncertaintyBuilder.readSpecies(TableFiles.read(DIR.resolve("pm25-species.csv")), "pm25-species.csv");
        PmfData data = UncertaintyBuilder.build(conc, "pm25-conc.csv", specs, 0).data();
        PreparedInput in = PreparedInput.prepare(data, true, Set.of(), Set.of(), "PM2.5");
        PmfRunner.Batch batch = PmfRunner.run(in, PmfRunner.Settings.of(6, 10, 42, Method.ALS, true), ProgressListener.NONE);
        PmfResults r = new PmfResults(in, batch.bestModel());
        List<String> species = r.species();
        int pm = species.indexOf("PM2.5");

        Table truth = TableFiles.read(DIR.resolve("true-profiles.csv"));
        List<FactorNaming.Suggestion> names = FactorNaming.shipped().suggest(r, "pm25", 30);
        Set<Integer> used = new HashSet<>();
        for (Table.Row t : truth.rows()) {
            String source = t.get(truth.headers().indexOf("source"));
            double[] tv = new double[species.size()];
            for (int j = 0; j < species.size(); j++) {
                tv[j] = Double.parseDouble(t.get(truth.headers().indexOf(species.get(j))));
            }
            int best = -1;
            double bestR = -2;
            for (int k = 0; k < 6; k++) {
                double[] f = new double[species.size()];
                for (int j = 0; j < species.size(); j++) {
                    f[j] = r.profile(k, j) / r.profile(k, pm);
                }
                double c = correlation(f, tv, pm);
                if (c > bestR) {
                    bestR = c;
                    best = k;
                }
            }
            assertTrue(used.add(best), source + " matched by a factor of its own");
            // the sources with unique markers come back almost exactly; dust and coal share crustal elements
            double floor = source.equals("dust") || source.equals("coal combustion") ? 0.6 : 0.95;
            assertTrue(bestR > floor, source + ": r = " + bestR);
            int factor = best;
            FactorNaming.Suggestion first = names.stream().filter(s -> s.factor() == factor).findFirst().orElseThrow();
            assertEquals(source, first.source().name(), "first suggested name of the factor matching " + source);
        }
    }

    /** Pearson correlation over the species except the total variable. */
    static double correlation(double[] a, double[] b, int skip) {
        List<double[]> pairs = new ArrayList<>();
        for (int j = 0; j < a.length; j++) {
            if (j != skip) {
                pairs.add(new double[] {a[j], b[j]});
            }
        }
        double ma = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double mb = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (double[] p : pairs) {
            num += (p[0] - ma) * (p[1] - mb);
            da += (p[0] - ma) * (p[0] - ma);
            db += (p[1] - mb) * (p[1] - mb);
        }
        return num / Math.sqrt(da * db);
    }
}
