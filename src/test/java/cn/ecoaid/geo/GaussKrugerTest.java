package cn.ecoaid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.EcoAidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaussKrugerTest {
    @ParameterizedTest(name = "{0}°E → CM {1}, EPSG:{2}")
    @CsvSource({"116.40, 117, 4548", "120.15, 120, 4549", "113.26, 114, 4547", "87.62, 87, 4538", "75.0, 75, 4534",
        "134.9, 135, 4554", "118.49, 117, 4548", "118.51, 120, 4549"})
    void choosesTheZoneByNearestCentralMeridian(double lon, int cm, int epsg) {
        GaussKruger.Zone z = GaussKruger.zoneFor(lon);
        assertEquals(cm, z.centralMeridian());
        assertEquals(epsg, z.epsg());
    }

    @Test
    void refusesLongitudesOutsideChina() {
        assertThrows(EcoAidException.class, () -> GaussKruger.zoneFor(10.0));
    }

    /** Meridian arc length on the CGCS2000 ellipsoid by Simpson integration of M(φ) = a(1−e²)/(1−e² sin²φ)^{3/2}. */
    static double meridianArc(double latDeg) {
        double a = 6378137.0;
        double f = 1 / 298.257222101;
        double e2 = f * (2 - f);
        int n = 20000;
        double h = Math.toRadians(latDeg) / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double phi = i * h;
            double m = a * (1 - e2) / Math.pow(1 - e2 * Math.sin(phi) * Math.sin(phi), 1.5);
            s += m * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    @ParameterizedTest(name = "central meridian {0}°E, latitude {1}°")
    @CsvSource({"120, 0", "120, 30", "117, 40", "87, 43.8", "126, 45.75"})
    void onTheCentralMeridianNorthingIsTheMeridianArc(int cm, double lat) {
        GaussKruger gk = GaussKruger.forLongitude(cm);
        double[] xy = gk.project(cm, lat);
        assertEquals(500000.0, xy[0], 1e-3);
        assertEquals(meridianArc(lat), xy[1], 1e-3);
    }

    @ParameterizedTest
    @CsvSource({"116.40, 39.90", "121.47, 31.23", "118.6, 24.9", "87.62, 43.83"})
    void roundTripsWithinAMicrodegree(double lon, double lat) {
        GaussKruger gk = GaussKruger.forLongitude(lon);
        double[] xy = gk.project(lon, lat);
        double[] back = gk.unproject(xy[0], xy[1]);
        assertEquals(lon, back[0], 1e-7);
        assertEquals(lat, back[1], 1e-7);
    }
}
