package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.io.TableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PmfInputTest {
    static PmfData batonRouge() {
        return PmfFiles.read(Fixtures.file("Dataset-BatonRouge-con.csv"), Fixtures.file("Dataset-BatonRouge-unc.csv"));
    }

    @Test
    void readsBatonRougeInThePmfLayout() {
        PmfData d = batonRouge();
        assertEquals(307, d.rows());
        assertEquals(41, d.cols());
        assertEquals("124-Trimethylbenzene", d.species().get(0));
        assertEquals("TNMOC", d.species().get(40));
        assertEquals("6/1/2005 6:00", d.samples().get(0));
        assertEquals(0.530000332, d.x(0, 0), 0);
        assertEquals(0.079500050, d.u(0, 0), 0);
    }

    @Test
    void signalToNoiseMatchesEsatsInputMetrics() throws IOException {
        PmfData d = batonRouge();
        double[] sn = SignalToNoise.of(d);
        List<String> lines = Files.readAllLines(Fixtures.file("input-metrics-batonrouge.csv"));
        for (int j = 0; j < 41; j++) {
            String[] f = lines.get(j + 1).split(",");
            assertEquals(d.species().get(j), f[0]);
            // ESAT computed from float32 copies of the data: agreement to ~1e-8
            assertEquals(Double.parseDouble(f[2]), sn[j], 1e-6, f[0]);
        }
    }

    @Test
    void categoriesFollowSignalToNoiseAndOverrides() {
        PmfData d = batonRouge();
        PreparedInput in = PreparedInput.prepare(d, true, Set.of("benzene"), Set.of("Ethane"), "TNMOC");
        int benzene = d.speciesIndex("Benzene");
        int ethane = d.speciesIndex("Ethane");
        int tnmoc = d.speciesIndex("TNMOC");
        assertEquals(SpeciesCategory.WEAK, in.categories().get(benzene));
        assertEquals(SpeciesCategory.BAD, in.categories().get(ethane));
        assertEquals(SpeciesCategory.WEAK, in.categories().get(tnmoc));
        // Unidentified has S/N 0.99999…: weak by the PMF 5.0 thresholds
        assertEquals(SpeciesCategory.WEAK, in.categories().get(d.speciesIndex("Unidentified")));
        assertEquals(40, in.cols());
        int col = 0;
        while (in.included()[col] != benzene) {
            col++;
        }
        assertEquals(3 * d.u(5, benzene), in.u()[5 * in.cols() + col], 1e-15);
        assertEquals(SpeciesCategory.BAD, SpeciesCategory.suggest(0.49));
        assertEquals(SpeciesCategory.WEAK, SpeciesCategory.suggest(0.5));
        assertEquals(SpeciesCategory.STRONG, SpeciesCategory.suggest(1.0));
    }

    @Test
    void buildsUncertaintiesByThePmf5Rule() {
        var conc = TableFiles.fromCsv("""
                date,SO4,NO3
                d1,10,0.05
                d2,<MDL,2
                d3,,4
                d4,6,BDL
                """);
        var species = TableFiles.fromCsv("""
                species,mdl,error_fraction
                SO4,0.2,0.1
                NO3,0.1,0.05
                """);
        Map<String, UncertaintyBuilder.SpeciesSpec> specs = UncertaintyBuilder.readSpecies(species, "species.csv");
        UncertaintyBuilder.Result r = UncertaintyBuilder.build(conc, "conc.csv", specs, 0);
        PmfData d = r.data();
        // x > MDL: sqrt((0.1*10)^2 + (0.5*0.2)^2) = sqrt(1 + 0.01)
        assertEquals(Math.sqrt(1.01), d.u(0, 0), 1e-12);
        // x <= MDL: 5/6 * 0.1
        assertEquals(5.0 / 6 * 0.1, d.u(0, 1), 1e-12);
        // below detection: MDL/2 with 5/6 MDL
        assertEquals(0.1, d.x(1, 0), 1e-12);
        assertEquals(5.0 / 6 * 0.2, d.u(1, 0), 1e-12);
        // missing: median of measured SO4 (10, 6) = 8, uncertainty 4 x 8
        assertEquals(8, d.x(2, 0), 1e-12);
        assertEquals(32, d.u(2, 0), 1e-12);
        assertEquals(0.05, d.x(3, 1), 1e-12);
        assertArrayEquals(new byte[] {0, 0, 1, 0, 2, 0, 0, 1}, r.flags());
        // 10 % extra modelling uncertainty: sqrt(1.01 + (0.1*10)^2)
        PmfData e = UncertaintyBuilder.build(conc, "conc.csv", specs, 0.10).data();
        assertEquals(Math.sqrt(2.01), e.u(0, 0), 1e-12);
        assertThrows(EcoAidException.class, () -> UncertaintyBuilder.build(conc, "conc.csv", specs, 0.3));
    }

    @Test
    void rejectsBadInputsWithRowAndColumn() {
        var c = TableFiles.fromCsv("date,a,b\nd1,1,2\nd2,3,x\n");
        var u = TableFiles.fromCsv("date,a,b\nd1,0.1,0.2\nd2,0.3,0.4\n");
        EcoAidException e = assertThrows(EcoAidException.class, () -> PmfFiles.fromTables(c, u, "c.csv", "u.csv"));
        assertEquals("pmf.error.notNumeric", e.key());
        assertArrayEquals(new Object[] {"c.csv", 3, "b", "x"}, e.args());
        var neg = TableFiles.fromCsv("date,a,b\nd1,0.1,0.2\nd2,-0.3,0.4\n");
        var ok = TableFiles.fromCsv("date,a,b\nd1,1,2\nd2,3,4\n");
        e = assertThrows(EcoAidException.class, () -> PmfFiles.fromTables(ok, neg, "c.csv", "u.csv"));
        assertEquals("pmf.error.negativeUncertainty", e.key());
        assertArrayEquals(new Object[] {"u.csv", 3, "a", -0.3}, e.args());
        var small = TableFiles.fromCsv("date,a\nd1,0.1\nd2,0.3\n");
        e = assertThrows(EcoAidException.class, () -> PmfFiles.fromTables(ok, small, "c.csv", "u.csv"));
        assertEquals("pmf.error.shape", e.key());
    }
}
