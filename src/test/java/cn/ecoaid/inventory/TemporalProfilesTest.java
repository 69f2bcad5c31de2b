package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemporalProfilesTest {
    /**
     * 工业源, 365 000 kg/a, Monday 2026-01-05. January 2026 starts on a Thursday: Mon–Wed ×4, Thu–Sat ×5, Sun ×4.
     * Σ weekday factors = (4+4+4+5+5) × 0.162 + 5 × 0.112 + 4 × 0.078 = 3.564 + 0.560 + 0.312 = 4.436.
     * Month share = 31/365 → 31 000 kg; Monday = 31 000 × 0.162 / 4.436 = 1 132.1009… kg; hour 09 (0.0680, B.2 sums to 1):
     * 76.98286… kg.
     */
    @Test
    void industryOnAMondayInJanuaryByHand() {
        TemporalProfiles.Profile p = TemporalProfiles.tcses144().profile("工业源", "", "");
        double[] h = TemporalProfiles.hourly(365_000, p, LocalDate.of(2026, 1, 5));
        double day = 31_000 * 0.162 / 4.436;
        double sum = 0;
        for (double v : h) {
            sum += v;
        }
        assertEquals(day, sum, 1e-9);
        assertEquals(day * 0.0680, h[9], 1e-9);
        assertEquals(day * 0.0070, h[3], 1e-9);
    }

    @ParameterizedTest(name = "{0}/{1} {2}: the days of the year add up to the annual total")
    @CsvSource({"工业源, '', '', 2026", "电力热力源, 电力生产, '', 2024", "移动源, '', '', 2026", "生物质开放燃烧源, '', 河北, 2026",
        "生活源, '', '', 2028"})
    void daysOfAYearAddUpToTheAnnualTotal(String category, String sub, String province, int year) {
        TemporalProfiles.Profile p = TemporalProfiles.tcses144().profile(category, sub, province);
        double sum = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            for (double v : TemporalProfiles.hourly(1000.0, p, d)) {
                sum += v;
            }
        }
        assertEquals(1000.0, sum, 1e-9);
    }

    @Test
    void biomassBurningUsesTheProvinceMonthProfile() {
        // 北京 B.3: January 0.20 of a row summing to 1.00 (0.20+0.18+0.07+0.04×6+0.04+0.14+0.15 = 1.02 as printed → normalised)
        TemporalProfiles.Profile p = TemporalProfiles.tcses144().profile("生物质开放燃烧源", "", "北京");
        double rowSum = 0;
        for (double v : p.month()) {
            rowSum += v;
        }
        double jan = 0;
        for (int d = 1; d <= 31; d++) {
            jan += TemporalProfiles.dayShare(p, LocalDate.of(2026, 1, d));
        }
        assertEquals(0.20 / rowSum, jan, 1e-12);
    }
}
