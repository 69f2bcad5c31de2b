package cn.ecoaid.air;

import java.time.LocalDate;

/**
 * Daily statistics of one station over consecutive days: {@code values[item.ordinal()][day]}, NaN = not valid, with a
 * {@link HourlySeries} flag per value (VALID, ABSENT, EMPTY, MARKER, NEGATIVE; computed days are VALID or ABSENT).
 */
public final class DailySeries {
    private final String station;
    private final LocalDate firstDay;
    private final double[][] values;
    private final byte[][] flags;

    public DailySeries(String station, LocalDate firstDay, double[][] values) {
        this.station = station;
        this.firstDay = firstDay;
        this.values = values;
        this.flags = new byte[values.length][values[0].length];
        for (int i = 0; i < values.length; i++) {
            for (int d = 0; d < values[i].length; d++) {
                flags[i][d] = Double.isNaN(values[i][d]) ? HourlySeries.ABSENT : HourlySeries.VALID;
            }
        }
    }

    public static DailySeries empty(String station, LocalDate firstDay, int days) {
        double[][] v = new double[DailyItem.COUNT][days];
        for (double[] a : v) {
            java.util.Arrays.fill(a, Double.NaN);
        }
        return new DailySeries(station, firstDay, v);
    }

    public String station() {
        return station;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public int days() {
        return values[0].length;
    }

    public LocalDate date(int day) {
        return firstDay.plusDays(day);
    }

    public double[] values(DailyItem item) {
        return values[item.ordinal()];
    }

    public double get(DailyItem item, int day) {
        return values[item.ordinal()][day];
    }

    public void set(DailyItem item, int day, double value) {
        values[item.ordinal()][day] = value;
        flags[item.ordinal()][day] = Double.isNaN(value) ? HourlySeries.ABSENT : HourlySeries.VALID;
    }

    /** Sets a value with the flag it was read with (a missing value keeps its reason). */
    public void set(DailyItem item, int day, double value, byte flag) {
        values[item.ordinal()][day] = value;
        flags[item.ordinal()][day] = flag;
    }

    public byte flag(DailyItem item, int day) {
        return flags[item.ordinal()][day];
    }

    public DailyValues day(int d) {
        return new DailyValues(date(d), get(DailyItem.SO2, d), get(DailyItem.NO2, d), get(DailyItem.PM10, d),
                get(DailyItem.PM2_5, d), get(DailyItem.CO, d), get(DailyItem.O3_8H, d), get(DailyItem.O3_1H, d));
    }
}
