package cn.ecoaid.air;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The AQI of one report (a station-day or a station-hour).
 *
 * @param standard   the version applied
 * @param report     daily (日报) or real-time (实时报)
 * @param aqi        the largest computed IAQI, -1 when no item could be computed
 * @param published  false when the AQI is reported as "NA" (HJ 633-2026 5.3.1: an item is missing and AQI ≤ 100), or
 *                   when nothing could be computed
 * @param iaqi       sub-index per {@link AqiItem} ordinal, -1 where not computed
 * @param primary    primary pollutant items (首要污染物, AQI &gt; 50, ties all), empty otherwise
 * @param exceeding  HJ 633-2012 4.4.2 超标污染物 (IAQI &gt; 100); always empty under HJ 633-2026
 * @param missing    items of the report that had no valid concentration
 * @param category   the class of the AQI, null when not published
 */
public record AqiResult(AqiStandard standard, Aqi.Report report, int aqi, boolean published, int[] iaqi,
        List<AqiItem> primary, List<AqiItem> exceeding, List<AqiItem> missing, AqiCategory category) {

    public int iaqi(AqiItem item) {
        return iaqi[item.ordinal()];
    }

    /** "NA" or the AQI. */
    public String aqiText() {
        return published ? Integer.toString(aqi) : "NA";
    }

    /** Primary pollutant labels joined with ";" (ties), or "" when none. */
    public String primaryText() {
        return primary.stream().map(AqiItem::label).distinct().collect(Collectors.joining(";"));
    }
}
