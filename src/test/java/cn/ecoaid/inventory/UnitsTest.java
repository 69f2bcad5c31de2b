package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
    @ParameterizedTest(name = "1 {0} = {2} {1}")
    @CsvSource({
        "g, kg, 0.001",
        "t, kg, 1000",
        "Mg, t, 1",
        "Gg, t, 1000",
        "kt, Gg, 1",
        "mg, g, 0.001",
        "万吨, t, 10000",
        "TJ, GJ, 1000",
        "MJ, GJ, 0.001",
        "kWh, MJ, 3.6",
        "MWh, GJ, 3.6",
        // GB/T 2589-2020: 1 kgce = 29 307.6 kJ, so 1 tce = 29.3076 GJ and 1 kgce = 29.3076 MJ
        "tce, GJ, 29.3076",
        "kgce, MJ, 29.3076",
        "万吨标准煤, TJ, 293.076",
        "10^4 m3, m3, 10000",
        "万立方米, m3, 10000",
        "10⁴m³, m3, 10000",
        "L, m3, 0.001",
        "Nm3, m³, 1",
        "万辆, vehicle, 10000",
        "万头, head, 10000",
        "亩, m2, 666.6666666666666",
        "万公里, km, 10000"})
    void convertsWithinADimension(String from, String to, double expected) {
        assertEquals(expected, Units.unit(from, "r").convert(1.0, Units.unit(to, "r"), "r"), expected * 1e-14);
    }

    @ParameterizedTest(name = "{0} → {1} is an error")
    @CsvSource({"t, GJ", "m3, kg", "vehicle, head", "kWh, m3", "km, vehicle"})
    void refusesToConvertAcrossDimensionsNamingTheRecord(String from, String to) {
        EcoAidException e = assertThrows(EcoAidException.class,
                () -> Units.unit(from, "A-17").convert(1.0, Units.unit(to, "A-17"), "A-17"));
        assertEquals("inventory.error.unitIncompatible", e.key());
        assertEquals("A-17", e.args()[0]);
    }

    @ParameterizedTest(name = "{0} of {2} {3}: {4} kg")
    @CsvSource({
        "kg/t, 2.5, 10, t, 25",
        "g/GJ, 11.4, 1000, TJ, 11400",        // EMEP: 1000 TJ × 11.4 g/GJ
        "kg/10^4m3, 5, 100000, m3, 50",       // 10 × 10⁴ m³ × 5 kg
        "g/kg fuel, 4, 1, t, 4",              // T/CSES tables: g per kg of fuel
        "kg/tce, 1, 1, 10^4tce, 10000",
        "g/km, 100, 15000, km, 1500",          // 15 000 km × 100 g = 1.5 t
        "kg/head, 2, 10, 万头, 200000",
        "g/kWh, 1, 1, MWh, 1",
        "g/GJ, 1, 1, tce, 0.0293076"})
    void factorUnitsGiveKgPerActivity(String unit, double value, double amount, String activityUnit, double expectedKg) {
        Units.FactorUnit fu = Units.factorUnit(unit, "F");
        double kg = fu.kgPerActivityUnit(value, Units.unit(activityUnit, "A"), "A") * amount;
        assertEquals(expectedKg, kg, expectedKg * 1e-12);
    }

    @Test
    void fractionOfAnotherPollutant() {
        Units.FactorUnit fu = Units.factorUnit("% of PM2.5", "F");
        assertTrue(fu.isFractionOf());
        assertEquals(Pollutant.PM25, fu.base());
        assertEquals(0.01, fu.fraction());
    }

    @ParameterizedTest
    @CsvSource({"kg", "m3/t", "kg per t", "kg/parsec"})
    void rejectsWhatIsNotAFactorUnit(String text) {
        EcoAidException e = assertThrows(EcoAidException.class, () -> Units.factorUnit(text, "F-3"));
        assertEquals("inventory.error.badFactorUnit", e.key());
        assertEquals("F-3", e.args()[0]);
    }

    @Test
    void caseMattersOnlyWhereItMustMgAndMg() {
        assertEquals(1e-6, Units.unit("mg", "").toBase());
        assertEquals(1e3, Units.unit("Mg", "").toBase());
        assertEquals(1e3, Units.unit("TJ", "").toBase());
        assertEquals(1e3, Units.unit("tj", "").toBase());
        assertThrows(EcoAidException.class, () -> Units.unit("MG", ""));
    }
}
