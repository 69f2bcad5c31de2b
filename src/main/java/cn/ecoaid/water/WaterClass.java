package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import java.text.Normalizer;
import java.util.Locale;

/** Surface-water quality class of GB 3838-2002, with 劣V (worse than class V) as the sixth. */
public enum WaterClass {
    I, II, III, IV, V, WORSE_THAN_V;

    /** The label used in Chinese reports and in output files: I, II, III, IV, V or 劣V. */
    public String label() {
        return this == WORSE_THAN_V ? "劣V" : name();
    }

    /** Qualitative status of a single section or of a mean concentration (2011 rules, 表2): I–II 优 … 劣V 重度污染. */
    public WaterStatus status() {
        return switch (this) {
            case I, II -> WaterStatus.EXCELLENT;
            case III -> WaterStatus.GOOD;
            case IV -> WaterStatus.LIGHT;
            case V -> WaterStatus.MODERATE;
            case WORSE_THAN_V -> WaterStatus.HEAVY;
        };
    }

    public boolean worseThan(WaterClass other) {
        return ordinal() > other.ordinal();
    }

    public static WaterClass worst(WaterClass a, WaterClass b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Accepts I–V in Latin letters or Roman numerals (Ⅰ…Ⅴ), 1–5, "劣V"/"劣Ⅴ"/"&gt;V"/"VI", with an optional 类 suffix. */
    public static WaterClass parse(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT)
                .replace("类", "").replace("CLASS", "").strip();
        boolean worse = s.startsWith("劣") || s.startsWith(">");
        if (worse) {
            s = s.substring(1).strip();
        }
        WaterClass c = switch (s) {
            case "I", "1" -> I;
            case "II", "2" -> II;
            case "III", "3" -> III;
            case "IV", "4" -> IV;
            case "V", "5" -> V;
            case "VI", "6" -> WORSE_THAN_V;
            default -> throw new EcoAidException("water.error.badClass", text);
        };
        if (worse && c != V) {
            throw new EcoAidException("water.error.badClass", text);
        }
        return worse ? WORSE_THAN_V : c;
    }
}
