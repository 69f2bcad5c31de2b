package cn.ecoaid.water;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measurements of one site on one date, with the optional site attributes a file may carry (water body type,
 * target class, river or lake name, hydrological period 丰/平/枯).
 */
public record WaterSample(String site, LocalDate date, WaterBodyType type, WaterClass target, String waterBody,
        String period, Map<String, Measured> values) {

    public WaterSample {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Numbers for the calculations, under a below-detection rule. */
    public Map<String, Double> numbers(BelowDetectionRule rule) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.valueFor(rule)));
        return out;
    }
}
