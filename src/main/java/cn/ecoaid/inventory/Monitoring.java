package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Online-monitoring totals (T/CSES 144—2024 §7.3): E = Σ Cᵢ × Qᵢ × Tᵢ × 10⁻⁶ with C in mg/m³, Q in m³/h and T in h,
 * giving kg. A day counts only with at least {@link #MIN_VALID_HOURS} valid hourly values (§7.3.1).
 */
public final class Monitoring {
    /** §7.3.1: a daily value needs n ≥ 18 valid hours. */
    public static final int MIN_VALID_HOURS = 18;

    /** One monitoring interval: concentration (mg/m³), flue-gas flow (m³/h), duration (h). */
    public record Interval(double concentrationMgM3, double flowM3h, double hours) {
    }

    private Monitoring() {
    }

    /** Σ C·Q·T·10⁻⁶ in kg; negative inputs are an error naming the record. */
    public static double totalKg(String record, List<Interval> intervals) {
        double sum = 0;
        for (Interval i : intervals) {
            if (i.concentrationMgM3() < 0 || i.flowM3h() < 0 || i.hours() < 0) {
                throw new EcoAidException("inventory.error.negativeMonitoring", record);
            }
            sum += i.concentrationMgM3() * i.flowM3h() * i.hours() * 1e-6;
        }
        return sum;
    }

    /**
     * Daily total (kg) from hourly concentrations and flows (NaN = invalid hour); empty when fewer than 18 hours are
     * valid, so the day is not used.
     */
    public static OptionalDouble dailyKg(double[] concentrationMgM3, double[] flowM3h) {
        int valid = 0;
        double sum = 0;
        for (int h = 0; h < concentrationMgM3.length; h++) {
            if (!Double.isNaN(concentrationMgM3[h]) && !Double.isNaN(flowM3h[h])) {
                valid++;
                sum += concentrationMgM3[h] * flowM3h[h] * 1e-6;
            }
        }
        if (valid < MIN_VALID_HOURS) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sum / valid * 24.0);
    }
}
