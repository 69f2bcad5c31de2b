package cn.ecoaid.solution;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A roadmap milestone: by {@code date}, {@code indicator} (e.g. "PM2.5 annual mean") must be at most (or at least)
 * {@code target} in {@code unit} — "annual PM2.5 ≤ 30 µg/m³ by 2027".
 */
public record Milestone(String id, String packageId, LocalDate date, String indicator, double target, String unit,
                        Direction direction) {
    /** Whether the indicator must stay at or below the target (concentrations) or reach at least it (good-day ratio). */
    public enum Direction { AT_MOST, AT_LEAST }

    public Milestone {
        Objects.requireNonNull(id, "id");
        indicator = indicator == null ? "" : indicator.strip();
        unit = unit == null ? "" : unit.strip();
        direction = direction == null ? Direction.AT_MOST : direction;
    }

    /** True when {@code value} meets the target. */
    public boolean met(double value) {
        return direction == Direction.AT_MOST ? value <= target : value >= target;
    }
}
