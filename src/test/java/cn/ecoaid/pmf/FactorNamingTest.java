package cn.ecoaid.pmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorNamingTest {
    @Test
    void suggestsBiogenicForTheIsopreneFactorWithEvidence() {
        PmfResults r = PmfResultsTest.esatBest();
        int iso = r.species().indexOf("Isoprene");
        int best = 0;
        for (int k = 1; k < 6; k++) {
            if (r.percentOfSpecies(k, iso) > r.percentOfSpecies(best, iso)) {
                best = k;
            }
        }
        int factor = best;
        List<FactorNaming.Suggestion> s = FactorNaming.shipped().suggest(r, "voc", 30);
        FactorNaming.Suggestion bio = s.stream().filter(x -> x.factor() == factor && x.source().name().equals("biogenic"))
                .findFirst().orElseThrow();
        assertEquals("Isoprene", bio.evidence().get(0).species());
        assertEquals(r.percentOfSpecies(factor, iso), bio.score(), 1e-12);
        assertTrue(bio.score() > 30);
        // no PM2.5 source is suggested for VOC data when filtering by domain
        assertTrue(s.stream().allMatch(x -> x.source().domain().equals("voc")));
    }

    @Test
    void scoresAreTheMeanPercentOfTheMarkersPresent() {
        FactorNaming table = FactorNaming.parse("domain,source,source_zh,markers\nvoc,test,测试,toluene|甲苯;benzene;absent\n");
        PmfResults r = PmfResultsTest.esatBest();
        int tol = r.species().indexOf("Toluene");
        int ben = r.species().indexOf("Benzene");
        List<FactorNaming.Suggestion> s = table.suggest(r, null, 0);
        assertEquals(6, s.size());
        for (FactorNaming.Suggestion x : s) {
            assertEquals(2, x.evidence().size());
            assertEquals((r.percentOfSpecies(x.factor(), tol) + r.percentOfSpecies(x.factor(), ben)) / 2, x.score(), 1e-12);
        }
    }
}
