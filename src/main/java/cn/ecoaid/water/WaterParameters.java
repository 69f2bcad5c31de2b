package cn.ecoaid.water;

import cn.ecoaid.io.HeaderMap;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parameter names accepted in measurement files (Chinese or English, any case, with or without a unit in brackets)
 * mapped to the codes of GB 3838 表1 and of the trophic-state index, with each code's canonical unit and the unit
 * conversions accepted.
 */
public final class WaterParameters {
    private WaterParameters() {
    }

    /** Canonical unit of each code: the unit of GB 3838 表1 (mg/L) or of the TLI (chla mg/m³, SD m). */
    private static final Map<String, String> UNIT = new LinkedHashMap<>();
    private static final Map<String, String> BY_ALIAS = new HashMap<>();

    static {
        add("WT", "°C", "水温", "water temperature", "temperature", "temp", "T", "WT");
        add("pH", "", "pH值", "pH");
        add("DO", "mg/L", "溶解氧", "DO", "dissolved oxygen");
        add("CODMn", "mg/L", "高锰酸盐指数", "CODMn", "COD_Mn", "permanganate index", "高锰酸钾指数", "IMn");
        add("COD", "mg/L", "化学需氧量", "COD", "CODCr", "COD_Cr", "chemical oxygen demand");
        add("BOD5", "mg/L", "五日生化需氧量", "BOD5", "BOD", "生化需氧量", "BOD_5");
        add("NH3-N", "mg/L", "氨氮", "NH3-N", "NH3N", "NH4-N", "ammonia", "ammonia nitrogen", "NH3");
        add("TP", "mg/L", "总磷", "TP", "total phosphorus");
        add("TN", "mg/L", "总氮", "TN", "total nitrogen");
        add("Cu", "mg/L", "铜", "Cu", "copper");
        add("Zn", "mg/L", "锌", "Zn", "zinc");
        add("F", "mg/L", "氟化物", "F", "fluoride", "F-");
        add("Se", "mg/L", "硒", "Se", "selenium");
        add("As", "mg/L", "砷", "As", "arsenic");
        add("Hg", "mg/L", "汞", "Hg", "mercury");
        add("Cd", "mg/L", "镉", "Cd", "cadmium");
        add("Cr6", "mg/L", "铬(六价)", "六价铬", "Cr6", "Cr6+", "CrVI", "Cr(VI)", "hexavalent chromium");
        add("Pb", "mg/L", "铅", "Pb", "lead");
        add("CN", "mg/L", "氰化物", "CN", "cyanide");
        add("VolatilePhenol", "mg/L", "挥发酚", "volatile phenol", "volatilephenol", "phenol", "phenols");
        add("Petroleum", "mg/L", "石油类", "petroleum", "oil", "petroleum oil");
        add("LAS", "mg/L", "阴离子表面活性剂", "LAS", "anionic surfactant", "surfactant");
        add("Sulfide", "mg/L", "硫化物", "sulfide", "sulphide", "S2-");
        add("FecalColiform", "count/L", "粪大肠菌群", "fecal coliform", "faecal coliform", "fecalcoliform", "FC");
        add("chla", "mg/m3", "叶绿素a", "叶绿素", "chla", "chl-a", "chlorophyll a", "chlorophyll-a", "Chl a");
        add("SD", "m", "透明度", "SD", "secchi depth", "transparency", "secchi");
    }

    private static void add(String code, String unit, String... aliases) {
        UNIT.put(code, unit);
        BY_ALIAS.put(key(code), code);
        for (String a : aliases) {
            BY_ALIAS.put(key(a), code);
        }
    }

    private static String key(String name) {
        // HeaderMap's normalisation removes a bracketed unit; 铬(六价) must keep its bracket, so try both.
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replace(" ", "").replace("_", "").replace("-", "").replace("（", "(").replace("）", ")");
    }

    /** The code of a parameter name or header, e.g. "总磷(mg/L)" → TP, "NH3-N" → NH3-N. */
    public static Optional<String> code(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String full = BY_ALIAS.get(key(name));
        if (full != null) {
            return Optional.of(full);
        }
        return Optional.ofNullable(BY_ALIAS.get(HeaderMap.normalise(name)));
    }

    /** All codes known, in a stable order. */
    public static List<String> codes() {
        return List.copyOf(UNIT.keySet());
    }

    public static String canonicalUnit(String code) {
        return UNIT.getOrDefault(code, "");
    }

    /** The unit written in brackets after a header, e.g. "总磷(µg/L)" → "µg/L"; "" when none. */
    public static String unitInHeader(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        int open = Math.max(s.lastIndexOf('('), s.lastIndexOf('['));
        int close = Math.max(s.lastIndexOf(')'), s.lastIndexOf(']'));
        if (open >= 0 && close > open) {
            String inner = s.substring(open + 1, close).strip();
            if (factor("TP", inner).isPresent() || factor("chla", inner).isPresent() || factor("SD", inner).isPresent()) {
                return inner;
            }
        }
        return "";
    }

    /**
     * The factor that turns a value in {@code unit} into the canonical unit of {@code code}; empty when the unit is not
     * accepted for that parameter. A blank unit means the canonical one.
     */
    public static Optional<Double> factor(String code, String unit) {
        String u = Normalizer.normalize(unit == null ? "" : unit, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replace("μ", "µ").replace("³", "3").replace(" ", "");
        if (u.isEmpty()) {
            return Optional.of(1.0);
        }
        String canon = UNIT.getOrDefault(code, "");
        switch (canon) {
            case "mg/L":
                return switch (u) {
                    case "mg/l", "g/m3", "ppm" -> Optional.of(1.0);
                    case "µg/l", "ug/l", "mg/m3", "ppb" -> Optional.of(1e-3);
                    case "ng/l" -> Optional.of(1e-6);
                    case "g/l" -> Optional.of(1e3);
                    default -> Optional.empty();
                };
            case "mg/m3":
                return switch (u) {
                    case "mg/m3", "µg/l", "ug/l" -> Optional.of(1.0);
                    case "mg/l" -> Optional.of(1e3);
                    default -> Optional.empty();
                };
            case "m":
                return switch (u) {
                    case "m" -> Optional.of(1.0);
                    case "cm" -> Optional.of(0.01);
                    case "mm" -> Optional.of(0.001);
                    default -> Optional.empty();
                };
            case "count/L":
                return switch (u) {
                    case "count/l", "个/l", "mpn/l", "cfu/l" -> Optional.of(1.0);
                    case "个/100ml", "mpn/100ml", "cfu/100ml" -> Optional.of(10.0);
                    default -> Optional.empty();
                };
            case "°C":
                return u.equals("°c") || u.equals("c") || u.equals("℃") ? Optional.of(1.0) : Optional.empty();
            default:
                return u.equals("无量纲") || u.equals("dimensionless") || u.equals("-") ? Optional.of(1.0) : Optional.empty();
        }
    }
}
