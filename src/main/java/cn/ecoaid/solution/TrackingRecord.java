package cn.ecoaid.solution;

import java.time.LocalDate;
import java.util.Objects;

/** One observed value of an indicator on a date, optionally for one measure (effect tracking). */
public record TrackingRecord(String id, String packageId, String measureId, String indicator, LocalDate date, double value,
                             String unit) {
    public TrackingRecord {
        Objects.requireNonNull(id, "id");
        measureId = measureId == null ? "" : measureId.strip();
        indicator = indicator == null ? "" : indicator.strip();
        unit = unit == null ? "" : unit.strip();
    }
}
