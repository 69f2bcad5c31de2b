package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;

/** Spatial kind of a source: point (enterprise, stack), area (admin unit or polygon), line (road), mobile. */
public enum SourceType {
    POINT, AREA, LINE, MOBILE;

    /** Parses "point"/"点源", "area"/"面源", "line"/"线源", "mobile"/"移动源"; blank means AREA. */
    public static SourceType parse(String text, String record) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "area", "面源", "面" -> AREA;
            case "point", "点源", "点" -> POINT;
            case "line", "线源", "线" -> LINE;
            case "mobile", "移动源", "移动" -> MOBILE;
            default -> throw new EcoAidException("inventory.error.unknownSourceType", record, text);
        };
    }
}
