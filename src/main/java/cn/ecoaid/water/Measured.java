package cn.ecoaid.water;

/**
 * A measured value in the canonical unit of its parameter. A value below the detection limit keeps the limit
 * ({@code value} is then the limit itself and {@code belowDetection} is true) and gets its number only through a
 * {@link BelowDetectionRule}.
 */
public record Measured(double value, boolean belowDetection) {

    public static Measured of(double value) {
        return new Measured(value, false);
    }

    public static Measured belowLimit(double limit) {
        return new Measured(limit, true);
    }

    /** The number used in calculations under a rule. */
    public double valueFor(BelowDetectionRule rule) {
        if (!belowDetection) {
            return value;
        }
        return switch (rule) {
            case HALF_LIMIT -> value / 2;
            case LIMIT -> value;
            case ZERO -> 0;
        };
    }

    /** As written back to a file: "&lt;0.01" for a value below the detection limit 0.01. */
    public String text() {
        String v = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return belowDetection ? "<" + v : v;
    }
}
