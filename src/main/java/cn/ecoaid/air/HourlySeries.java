package cn.ecoaid.air;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Hourly values of one station, columnar: one double array per pollutant, index {@code i} is the hour that starts at
 * {@code start + i h} (local time) and ends an hour later — the time written in import files. Missing hours are NaN
 * with a {@link #flags flag} telling why; a missing value is never 0. {@code start} is always a midnight, so index
 * {@code 24·d … 24·d+23} is day {@code d} (HJ 663 natural day 0:00–24:00).
 */
public final class HourlySeries {
    /** Value present. */
    public static final byte VALID = 0;
    /** No row for this hour in the file. */
    public static final byte ABSENT = 1;
    /** Empty cell. */
    public static final byte EMPTY = 2;
    /** A missing-value marker (—, NA, N/A, null, 无效 …). */
    public static final byte MARKER = 3;
    /** A negative value (invalid). */
    public static final byte NEGATIVE = 4;
    public static final int FLAG_COUNT = 5;

    private final String station;
    private final LocalDate firstDay;
    private final long startHour;
    private final double[][] values;
    private final byte[][] flags;

    /** Arrays are taken as they are (not copied): {@code values[pollutant.ordinal()][hour]}. */
    public HourlySeries(String station, LocalDate firstDay, double[][] values, byte[][] flags) {
        this.station = station;
        this.firstDay = firstDay;
        this.startHour = firstDay.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 3600;
        this.values = values;
        this.flags = flags;
    }

    /** An empty series of {@code days} days, every value absent. */
    public static HourlySeries empty(String station, LocalDate firstDay, int days) {
        int n = days * 24;
        double[][] v = new double[Pollutant.COUNT][n];
        byte[][] f = new byte[Pollutant.COUNT][n];
        for (int p = 0; p < Pollutant.COUNT; p++) {
            java.util.Arrays.fill(v[p], Double.NaN);
            java.util.Arrays.fill(f[p], ABSENT);
        }
        return new HourlySeries(station, firstDay, v, f);
    }

    public String station() {
        return station;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public int hours() {
        return values[0].length;
    }

    public int days() {
        return hours() / 24;
    }

    /** Index of the hour that ends at {@code end} (e.g. 01:00 → the hour 00:00–01:00). */
    public int indexOfEnd(LocalDateTime end) {
        return (int) (end.toEpochSecond(ZoneOffset.UTC) / 3600 - 1 - startHour);
    }

    /** End time of hour {@code i} (as written in files). */
    public LocalDateTime endOf(int i) {
        return LocalDateTime.ofEpochSecond((startHour + i + 1) * 3600, 0, ZoneOffset.UTC);
    }

    public double[] values(Pollutant p) {
        return values[p.ordinal()];
    }

    public byte[] flags(Pollutant p) {
        return flags[p.ordinal()];
    }

    public void set(Pollutant p, int hour, double value) {
        values[p.ordinal()][hour] = value;
        flags[p.ordinal()][hour] = Double.isNaN(value) ? EMPTY : VALID;
    }

    public void setMissing(Pollutant p, int hour, byte flag) {
        values[p.ordinal()][hour] = Double.NaN;
        flags[p.ordinal()][hour] = flag;
    }

    /** Number of hours per flag for a pollutant, indexed by flag value. */
    public int[] flagCounts(Pollutant p) {
        int[] out = new int[FLAG_COUNT];
        for (byte b : flags[p.ordinal()]) {
            out[b]++;
        }
        return out;
    }
}
