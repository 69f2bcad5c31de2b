package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;

/**
 * What number a value below the detection limit ("&lt;0.01", "0.01L", "ND" with a limit) takes in means and in
 * classification. The default is half the limit (the usual convention of Chinese monitoring statistics for results
 * below the detection limit); LIMIT is the conservative choice, ZERO the optimistic one. The value's limit is kept
 * in any case.
 */
public enum BelowDetectionRule {
    HALF_LIMIT, LIMIT, ZERO;

    public static BelowDetectionRule parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "half", "half_limit", "" -> HALF_LIMIT;
            case "limit", "dl" -> LIMIT;
            case "zero", "0" -> ZERO;
            default -> throw new EcoAidException("water.error.badBelowDetectionRule", s);
        };
    }
}
