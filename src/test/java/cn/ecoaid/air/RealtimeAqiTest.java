package cn.ecoaid.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Real-time reports (实时报) of HJ 633-2012 and HJ 633-2026 across the switch, by hand. */
class RealtimeAqiTest {

    @Test
    void realtimeItemsAndVersionFollowTheDayOfTheHour() {
        // 28 Feb and 1 Mar 2026, every hour: SO2 10, NO2 20, PM10 40, PM2.5 60, CO 0.5, O3 50
        HourlySeries h = HourlySeries.empty("A", LocalDate.of(2026, 2, 28), 2);
        for (int i = 0; i < 48; i++) {
            h.set(Pollutant.SO2, i, 10);
            h.set(Pollutant.NO2, i, 20);
            h.set(Pollutant.PM10, i, 40);
            h.set(Pollutant.PM2_5, i, 60);
            h.set(Pollutant.CO, i, 0.5);
            h.set(Pollutant.O3, i, 50);
        }
        AqiResult[] r = new AqiResult[48];
        RealtimeAqi.forEach(h, AqiStandard.chooser("auto"), (i, res) -> r[i] = res);
        // hour 0 (00:00–01:00 of 28 Feb, HJ 633-2012): PM 24-h moving means have 1 valid hour (< 20) → missing; O3 8-h
        // has 1 (< 6) → missing. Items present: SO2 1-h 10 → 10·50/150 = 3.33 → 4; NO2 1-h 20 → 10; CO 1-h 0.5 → 5;
        // O3 1-h 50 → 15.6 → 16. AQI 16, published (2012 has no NA rule).
        assertEquals("HJ 633-2012", r[0].standard().number());
        assertEquals(16, r[0].aqi());
        assertTrue(r[0].published());
        assertEquals(4, r[0].iaqi(AqiItem.SO2_1H));
        assertTrue(r[0].missing().contains(AqiItem.PM2_5_24H) && r[0].missing().contains(AqiItem.O3_8H));
        // hour 5: O3 8-h over 6 valid hours = 50 → 25; hour 4: 5 valid → missing
        assertEquals(25, r[5].iaqi(AqiItem.O3_8H));
        assertEquals(-1, r[4].iaqi(AqiItem.O3_8H));
        // hour 19: 20 valid hours in the 24-h window → PM2.5 24-h 60 → 82 (2012 breakpoints), PM10 40 → 40
        assertEquals(-1, r[18].iaqi(AqiItem.PM2_5_24H));
        assertEquals(82, r[19].iaqi(AqiItem.PM2_5_24H));
        assertEquals(82, r[23].aqi());
        assertEquals("PM2.5", r[23].primaryText());
        // hour 24 (00:00–01:00 of 1 March, HJ 633-2026): 1-h PM2.5 60 against the 24-h breakpoints → 100
        assertEquals("HJ 633-2026", r[24].standard().number());
        assertEquals(100, r[24].iaqi(AqiItem.PM2_5_24H));
        assertEquals(100, r[24].aqi());
        assertEquals(-1, r[24].iaqi(AqiItem.O3_8H), "no O3 8-h item in the 2026 real-time report");
    }
}
