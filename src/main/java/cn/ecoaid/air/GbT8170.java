package cn.ecoaid.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of numbers per GB/T 8170-2008 3.2 (数值修约规则): "四舍六入五考虑，五后非零则进一，五后皆零视奇偶，五前为偶应舍去，
 * 五前为奇则进一" — i.e. round half to even on the decimal value as written. A double is taken as its shortest decimal
 * representation ({@link BigDecimal#valueOf(double)}), so 0.125 is exactly 0.125 and 2.45 is 2.45, not 2.4500000000000001776.
 */
public final class GbT8170 {
    private GbT8170() {
    }

    /** Rounds {@code value} to {@code decimals} decimals; NaN stays NaN. */
    public static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (decimals == 0) {
            double r = Math.rint(value);
            // Math.rint is half-even on the binary value; it equals the decimal rule unless the value is within
            // a rounding error of .5, where the shortest decimal form decides.
            if (Math.abs(Math.abs(value - Math.floor(value)) - 0.5) > 1e-9) {
                return r;
            }
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
