package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryGriddingTest {
    static final String SOURCES = """
            source_id,category,sub_category,lon,lat,wkt,proxy,SO2,NOx
            P,工业源,,117.20,39.10,,,365,10
            A,生活源,,,,"POLYGON ((117.10 39.00, 117.30 39.00, 117.30 39.20, 117.10 39.20, 117.10 39.00))",,100,
            """;

    @Test
    void gridsInTheZoneOfTheCityAndConservesMass() {
        List<InventoryGridding.GridSource> s = InventoryGridding.readSources(TableFiles.fromCsv(SOURCES));
        InventoryGridding.Result r = InventoryGridding.grid(s, Map.of(), 3000, Double.NaN, ProgressListener.NONE);
        assertEquals(4548, r.zone().epsg()); // mean longitude 117.2 → central meridian 117°E
        int so2 = r.pollutants().indexOf(Pollutant.SO2);
        double sum = 0;
        for (double v : r.allocation().layer(so2)) {
            sum += v;
        }
        assertEquals(465_000, sum + r.allocation().outside(so2), 1e-6);
        assertEquals(0, r.allocation().outside(so2), 1e-9);
    }

    /**
     * Hourly grid on Monday 2026-01-05: the industrial point (365 t SO2) gives 365 000 × (31/365) × 0.162/4.436 kg that
     * day (see TemporalProfilesTest); the residential area (生活源, weekday factors all 0.143) 100 000 × 31/365 / 31 kg;
     * at hour 09 their shares are 0.0680 and 0.0380 (Table B.2).
     */
    @Test
    void hourlyGridsFollowTheProfilesOfEachCategory() {
        List<InventoryGridding.GridSource> s = InventoryGridding.readSources(TableFiles.fromCsv(SOURCES));
        double[][][] h = InventoryGridding.hourly(s, Map.of(), 3000, Double.NaN, LocalDate.of(2026, 1, 5),
                TemporalProfiles.tcses144());
        double industry = 31_000 * 0.162 / 4.436;
        double residential = 100_000 * 31.0 / 365 / 31;
        double day = 0;
        for (double[] hour : h[0]) {
            for (double v : hour) {
                day += v;
            }
        }
        assertEquals(industry + residential, day, 1e-6);
        double nine = 0;
        for (double v : h[0][9]) {
            nine += v;
        }
        assertEquals(industry * 0.0680 + residential * 0.0380, nine, 1e-6);
    }
}
