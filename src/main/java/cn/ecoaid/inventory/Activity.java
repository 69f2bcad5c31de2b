package cn.ecoaid.inventory;

import java.util.List;
import java.util.Map;

/**
 * One activity record, the accounting unit of the inventory (a level-4 source, or one of its parts).
 *
 * @param id            record id, named in every error about this record
 * @param source        source name (enterprise, stack, road, admin unit …)
 * @param type          point, area, line or mobile
 * @param county        county (district) name or code
 * @param region        region used to pick regional factors (province, climate zone …); may be empty
 * @param path          classification path: first-level category, level 1 (sub-sector/activity), level 2
 *                      (fuel/product), level 3 (technology), level 4 (control measures, "+"-joined); missing levels ""
 * @param amount        activity level in {@code unit}
 * @param unit          activity unit
 * @param operatingRate operating rate of the controls, or penetration of the control for area sources (0–1)
 * @param sector        sector name of Tables C.1–C.3 for coal mass balance (empty = the only one of the category)
 * @param sulfurPct     sulphur content of coal as received, % (NaN when not given)
 * @param ashPct        ash content of coal as received, % (NaN when not given)
 * @param monitoredKg   monitored annual totals by pollutant (online monitoring), kg; they replace the factor method
 * @param lon           longitude of a point source (NaN if none)
 * @param lat           latitude of a point source (NaN if none)
 */
public record Activity(String id, String source, SourceType type, String county, String region, List<String> path,
        double amount, Units.Unit unit, double operatingRate, String sector, double sulfurPct, double ashPct,
        Map<Pollutant, Double> monitoredKg, double lon, double lat) {

    public Activity {
        if (path.size() > 5) {
            throw new IllegalArgumentException("path has at most five levels");
        }
        String[] p = new String[5];
        for (int i = 0; i < 5; i++) {
            p[i] = i < path.size() && path.get(i) != null ? path.get(i).strip() : "";
        }
        path = List.of(p);
        monitoredKg = Map.copyOf(monitoredKg);
        county = county == null ? "" : county;
        region = region == null ? "" : region;
        sector = sector == null ? "" : sector;
        source = source == null ? "" : source;
    }

    /** A simple factor-method record (no coal parameters, no monitoring, no coordinates). */
    public static Activity of(String id, String county, List<String> path, double amount, Units.Unit unit,
            double operatingRate) {
        return new Activity(id, id, SourceType.AREA, county, "", path, amount, unit, operatingRate, "", Double.NaN,
                Double.NaN, Map.of(), Double.NaN, Double.NaN);
    }

    public String category() {
        return path.get(0);
    }

    /** Level-4 control string. */
    public String control() {
        return path.get(4);
    }

    public Activity withPath(List<String> newPath) {
        return new Activity(id, source, type, county, region, newPath, amount, unit, operatingRate, sector, sulfurPct,
                ashPct, monitoredKg, lon, lat);
    }

    public Activity withOperatingRate(double rate) {
        return new Activity(id, source, type, county, region, path, amount, unit, rate, sector, sulfurPct, ashPct,
                monitoredKg, lon, lat);
    }
}
