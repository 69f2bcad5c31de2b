package cn.ecoaid.pmf.ofp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.io.TableFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfpTest {
    static final String INPUT = """
            sample,time,species,value
            S1,2025-07-01 14:00,ethylene,2.0
            S1,2025-07-01 14:00,甲苯,1.5
            S1,2025-07-01 14:00,106-97-8,3.0
            S1,2025-07-01 14:00,formaldehyde,4.0
            S1,2025-07-01 14:00,chloromethane,0.8
            S1,2025-07-01 14:00,NOx,10
            S2,2025-07-01 15:00,Ethylene,1.0
            S2,2025-07-01 15:00,isoprene,0.5
            S2,2025-07-01 15:00,124-Trimethylbenzene,0.2
            """;

    @Test
    void findsSpeciesByEnglishChineseAndCas() {
        MirTable t = MirTable.shipped();
        assertEquals(70, t.species().size());
        assertEquals("toluene", t.find("甲苯").orElseThrow().name());
        assertEquals("n-butane", t.find("106-97-8").orElseThrow().name());
        assertEquals("1,2,4-trimethylbenzene", t.find("124-Trimethylbenzene").orElseThrow().name());
        assertEquals("ethylene", t.find("Ethene").orElseThrow().name());
        assertFalse(t.find("unobtainium").isPresent());
    }

    @Test
    void ofpByHandInPpbvWithCarterMir() {
        List<Ofp.Sample> in = Ofp.read(TableFiles.fromCsv(INPUT), "voc.csv");
        Ofp.Result r = Ofp.compute(in, Ofp.Unit.PPBV, Ofp.MirSet.CARTER, MirTable.shipped(), 10);
        // by hand: ppbv × MW / 24.465 × MIR (Carter 2010)
        double ethylene = 2.0 * 28.05 / 24.465 * 9.0;
        double toluene = 1.5 * 92.14 / 24.465 * 4.0;
        double butane = 3.0 * 58.12 / 24.465 * 1.15;
        double formaldehyde = 4.0 * 30.03 / 24.465 * 9.46;
        Ofp.SampleTotal s1 = r.samples().get(0);
        assertEquals(ethylene, s1.ofpByGroup().get("alkene"), 1e-9);
        assertEquals(toluene, s1.ofpByGroup().get("aromatic"), 1e-9);
        assertEquals(butane, s1.ofpByGroup().get("alkane"), 1e-9);
        assertEquals(formaldehyde, s1.ofpByGroup().get("ovoc"), 1e-9);
        assertEquals(ethylene + toluene + butane + formaldehyde, s1.ofp(), 1e-9);
        // VOC/NOx: the matched VOCs (2 + 1.5 + 3 + 4 ppbv) over 10 ppbv NOx
        assertEquals(10.5 / 10, s1.vocToNox(), 1e-12);
        assertTrue(Double.isNaN(r.samples().get(1).vocToNox()));
        assertEquals(List.of("chloromethane"), r.unknown());
        assertTrue(r.lines().stream().anyMatch(l -> l.species().equals("chloromethane") && l.match() == null));
        // top species: mean over the two samples
        double ethyleneMean = (ethylene + 1.0 * 28.05 / 24.465 * 9.0) / 2;
        assertEquals("formaldehyde", r.topSpecies().get(0).getKey());
        assertEquals(formaldehyde / 2, r.topSpecies().get(0).getValue(), 1e-9);
        assertEquals("ethylene", r.topSpecies().get(1).getKey());
        assertEquals(ethyleneMean, r.topSpecies().get(1).getValue(), 1e-9);
    }

    @Test
    void ugm3InputAndChinaMirWithCarterFallback() {
        List<Ofp.Sample> in = List.of(new Ofp.Sample("a", "", "ethane", 10), new Ofp.Sample("a", "", "cyclopentane", 5),
                new Ofp.Sample("a", "", "NOx", 46.0055));
        Ofp.Result r = Ofp.compute(in, Ofp.Unit.UGM3, Ofp.MirSet.CHINA, MirTable.shipped(), 10);
        assertEquals(10 * 0.14, r.lines().get(0).ofp(), 1e-12);
        assertEquals(10 / (30.07 / 24.465), r.lines().get(0).ppbv(), 1e-12);
        // cyclopentane has no China-specific MIR: Carter's 2.39, flagged
        assertEquals(5 * 2.39, r.lines().get(1).ofp(), 1e-12);
        assertTrue(r.lines().get(1).carterFallback());
        // 46.0055 µg/m³ NO2 = 24.465 ppbv
        assertEquals(24.465, r.samples().get(0).noxPpbv(), 1e-9);
    }

    @Test
    void coElutingMpXyleneTakesTheMeanOfTheMAndPXyleneMir() {
        MirTable t = MirTable.shipped();
        // Carter (2010) MIR of m-xylene 9.75 and p-xylene 5.84; China MIR 6.41 and 4.17 (reference/o3 table)
        for (String name : List.of("m/p-xylene", "m,p-xylene", "M,P-Xylene", "m+p-xylene", "间/对二甲苯", "间，对二甲苯")) {
            MirTable.Species s = t.find(name).orElseThrow(() -> new AssertionError(name));
            assertEquals("m/p-xylene", s.name(), name);
            assertEquals((9.75 + 5.84) / 2, s.mirCarter(), 1e-12, name);
            assertEquals((6.41 + 4.17) / 2, s.mirChina(), 1e-12, name);
            assertEquals(106.17, s.mw(), 1e-12);
            assertEquals("aromatic", s.ofpGroup());
        }
        assertEquals(9.75, t.find("m-xylene").orElseThrow().mirCarter(), 1e-12, "the single isomers are unchanged");
        assertEquals(5.84, t.find("对二甲苯").orElseThrow().mirCarter(), 1e-12);
        assertEquals(70, t.species().size(), "the mixture is not a row of the table");
        Ofp.Result r = Ofp.compute(List.of(new Ofp.Sample("a", "", "间/对二甲苯", 2.0)), Ofp.Unit.PPBV, Ofp.MirSet.CARTER, t, 10);
        assertEquals(2.0 * 106.17 / 24.465 * 7.795, r.samples().get(0).ofp(), 1e-9);
        assertTrue(r.unknown().isEmpty());
    }
}
