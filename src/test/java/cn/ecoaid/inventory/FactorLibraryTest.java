package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.io.TableFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorLibraryTest {
    static final String EMEP = """
            NFR,Sector,Table,Type,Technology,Fuel,Abatement,Region,Pollutant,Value,Unit,CI_lower,CI_upper,Reference
            1.A.1.a,Public,Table_3-4,Tier 1 Emission Factor,NA,Natural gas,US Region,NA,SOx,0.281,g/GJ,0.169,0.393,US EPA
            1.A.1.a,Public,Table_3-4,Tier 1 Emission Factor,NA,Natural gas,,NA,NOx,89,g/GJ,15.6,180,US EPA
            1.A.1.a,Public,Table_3-4,Tier 1 Emission Factor,NA,Natural gas,,NA,Hg,0.1,mg/GJ,0.01,1,Nielsen
            1.A.1.a,Public,Table_3-4,Tier 2 Emission Factor,Boiler,Natural gas,,NA,NOx,50,g/GJ,10,100,X
            1.A.1.a,Public,Table_3-4,Tier 1 Emission Factor,NA,Natural gas,,NA,NH3,1,kg/Mg,0.5,2,X
            """;

    @Test
    void readsTier1RowsOfTheEmepDatabaseWithoutAbatementOrForeignPollutants() {
        List<EmissionFactor> f = FactorLibrary.emep(TableFiles.fromCsv(EMEP), "EMEP test", "Tier 1");
        // SOx row has an abatement entry, Hg is not an inventory pollutant, the Tier 2 row is filtered
        assertEquals(List.of(Pollutant.NOX, Pollutant.NH3), f.stream().map(EmissionFactor::pollutant).toList());
        EmissionFactor nox = f.get(0);
        assertEquals(89, nox.value());
        assertEquals(15.6, nox.ciLower());
        assertEquals(180, nox.ciUpper());
        assertEquals(List.of("1.A.1.a", "", "Natural gas", ""), nox.path());
        assertTrue(nox.clause().contains("Table_3-4") && nox.clause().contains("US EPA"));
    }

    @Test
    void readsUserFactorsAndReportsBadRows() {
        List<EmissionFactor> ok = FactorLibrary.readUser(TableFiles.fromCsv(
                "factor_id,pollutant,value,unit,category,level2,document,clause\nX1,NOx,2.5,kg/t,工业源,煤炭,本地测试,表1\nX2,SO2,物料衡算,kg/t,工业源,煤炭,,\n"));
        assertEquals(2, ok.size());
        assertTrue(ok.get(1).massBalance());
        assertEquals("本地测试", ok.get(0).document());
        assertTrue(ok.get(0).user());
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> FactorLibrary.readUser(TableFiles.fromCsv(
                "pollutant,value,unit,category\nPM3,1,kg/t,工业源\nNOx,x,kg/t,工业源\nNOx,1,kg/parsec,工业源\n")));
        assertEquals(List.of(2, 3, 4), e.problems().stream().map(p -> p.row()).toList());
    }

    @Test
    void equallySpecificFactorsOfOneOriginAreAmbiguous() {
        EmissionFactor a = new EmissionFactor("A", Pollutant.NOX, 1, Units.factorUnit("kg/t", ""), List.of("工业源"), "", "d", "",
                "USER", true, Double.NaN, Double.NaN, false);
        EmissionFactor b = new EmissionFactor("B", Pollutant.NOX, 2, Units.factorUnit("kg/t", ""), List.of("工业源"), "", "d", "",
                "USER", true, Double.NaN, Double.NaN, false);
        FactorLibrary lib = new FactorLibrary(List.of(a, b));
        EcoAidException e = assertThrows(EcoAidException.class,
                () -> lib.forActivity(Activity.of("R1", "", List.of("工业源"), 1, Units.unit("t", ""), 1)));
        assertEquals("inventory.error.factorAmbiguous", e.key());
        assertEquals("R1", e.args()[0]);
    }

    @Test
    void moreSpecificAndRegionalFactorsWin() {
        EmissionFactor general = new EmissionFactor("G", Pollutant.NOX, 1, Units.factorUnit("kg/t", ""), List.of("工业源"), "",
                "d", "", "USER", true, Double.NaN, Double.NaN, false);
        EmissionFactor coal = new EmissionFactor("C", Pollutant.NOX, 2, Units.factorUnit("kg/t", ""), List.of("工业源", "", "煤炭"),
                "", "d", "", "SECONDARY", false, Double.NaN, Double.NaN, false);
        EmissionFactor local = new EmissionFactor("L", Pollutant.NOX, 3, Units.factorUnit("kg/t", ""), List.of("工业源", "", "煤炭"),
                "甲区", "d", "", "USER", true, Double.NaN, Double.NaN, false);
        FactorLibrary lib = new FactorLibrary(List.of(general, coal, local));
        assertEquals("C", lib.forActivity(Activity.of("1", "乙县", List.of("工业源", "", "煤炭"), 1, Units.unit("t", ""), 1))
                .get(Pollutant.NOX).id());
        assertEquals("L", lib.forActivity(Activity.of("2", "甲区", List.of("工业源", "", "煤炭"), 1, Units.unit("t", ""), 1))
                .get(Pollutant.NOX).id());
        assertEquals("G", lib.forActivity(Activity.of("3", "甲区", List.of("工业源", "", "柴油"), 1, Units.unit("t", ""), 1))
                .get(Pollutant.NOX).id());
    }
}
