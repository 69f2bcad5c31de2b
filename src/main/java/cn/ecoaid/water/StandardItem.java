package cn.ecoaid.water;

/**
 * One item of GB 3838-2002 表1 as loaded from the standard resource: its code, names, unit, direction and the limits
 * of classes I–V ({@code limits[0]} is class I). For a {@link Direction#RANGE} item (pH) {@code low}/{@code high} hold
 * the range and the limits are unused.
 */
public record StandardItem(int itemNo, String code, String nameZh, String nameEn, String unit, Direction direction,
        String waterBody, double[] limits, double low, double high, boolean evaluated) {

    /** MAX: the value must not exceed the limit; MIN: it must not fall below (DO); RANGE: it must lie inside (pH). */
    public enum Direction { MAX, MIN, RANGE }

    /** The limit of a class I–V. */
    public double limit(WaterClass c) {
        if (c == WaterClass.WORSE_THAN_V) {
            throw new IllegalArgumentException("no limit for 劣V");
        }
        return limits[c.ordinal()];
    }

    /** The best class whose limit the value meets; 劣V beyond class V (and outside the pH range). */
    public WaterClass classify(double value) {
        if (direction == Direction.RANGE) {
            return value >= low && value <= high ? WaterClass.I : WaterClass.WORSE_THAN_V;
        }
        for (WaterClass c : WaterClass.values()) {
            if (c == WaterClass.WORSE_THAN_V) {
                break;
            }
            double l = limits[c.ordinal()];
            if (direction == Direction.MAX ? value <= l : value >= l) {
                return c;
            }
        }
        return WaterClass.WORSE_THAN_V;
    }

    /**
     * Exceedance multiple against a class, (C − L)/L, for items with an upper limit; 0 when the value meets the limit.
     * NaN for DO and pH, for which the 2011 rules compute no exceedance multiple.
     */
    public double exceedance(double value, WaterClass against) {
        if (direction != Direction.MAX) {
            return Double.NaN;
        }
        double l = limit(against);
        return value > l ? (value - l) / l : 0;
    }
}
