package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units of activity data and of emission factors, with explicit, checked conversion. Every unit belongs to one
 * {@link Dimension}; a conversion between dimensions is an error that names the record it came from.
 *
 * <p>Energy of coal equivalent uses the coefficient of GB/T 2589-2020《综合能耗计算通则》: 1 kgce = 29 307.6 kJ
 * ({@link #KGCE_MJ}), so 1 tce = 29.3076 GJ.
 */
public final class Units {
    /** GB/T 2589-2020 §3 (标准煤): 1 kg of coal equivalent = 29 307.6 kJ (7 000 kcal). */
    public static final double KGCE_MJ = 29.3076;

    /** Physical dimension; counts of different things (vehicles, head of livestock) are different dimensions. */
    public enum Dimension { MASS, ENERGY, VOLUME, AREA, DISTANCE, TIME, VEHICLE, HEAD, COMPONENT, VEHICLE_DISTANCE }

    /** A unit: its canonical symbol, dimension and size in the base unit of that dimension. */
    public record Unit(String symbol, Dimension dimension, double toBase) {
        /** Converts {@code value} of this unit into {@code target}; an incompatible unit is an error naming the record. */
        public double convert(double value, Unit target, String record) {
            return value * factorTo(target, record);
        }

        /** Multiplier from this unit to {@code target}. */
        public double factorTo(Unit target, String record) {
            if (dimension != target.dimension) {
                throw new EcoAidException("inventory.error.unitIncompatible", record, symbol, target.symbol);
            }
            return toBase / target.toBase;
        }
    }

    /**
     * Unit of an emission factor: mass of pollutant per unit of activity ("kg/t", "g/GJ", "kg/10^4m3"), or a fraction
     * of another pollutant's factor ("% of PM2.5"); then {@code numerator} is null and {@code base} names the pollutant.
     */
    public record FactorUnit(String text, Unit numerator, Unit denominator, double fraction, Pollutant base) {
        public boolean isFractionOf() {
            return base != null;
        }

        /** kg of pollutant per one {@code activity} unit for a factor value in this unit. */
        public double kgPerActivityUnit(double value, Unit activity, String record) {
            if (isFractionOf()) {
                throw new EcoAidException("inventory.error.unitIncompatible", record, text, activity.symbol());
            }
            // value [num/den]; one activity unit = activity.factorTo(den) den units
            return value * numerator.toBase() * activity.factorTo(denominator, record);
        }
    }

    // base units: kg, GJ, m3, m2, km, h, vehicle, head, component, vehicle·km
    private static final Map<String, Unit> UNITS = new HashMap<>();
    /** Case-insensitive fallback; names that differ only by case (mg, Mg) are left out of it. */
    private static final Map<String, Unit> LOWER = new HashMap<>();
    private static final Unit AMBIGUOUS = new Unit("?", Dimension.MASS, Double.NaN);

    static {
        mass(1e-9, "µg", "ug", "微克");
        mass(1e-6, "mg", "毫克");
        mass(1e-3, "g", "克");
        mass(1, "kg", "千克", "公斤");
        mass(1e3, "t", "Mg", "吨", "tonne");
        mass(1e6, "kt", "Gg", "千吨");
        mass(1e4 * 1e3, "10^4t", "万吨", "万t");
        energy(1e-6, "kJ");
        energy(1e-3, "MJ", "兆焦");
        energy(1, "GJ", "吉焦");
        energy(1e3, "TJ", "太焦");
        energy(1e6, "PJ");
        energy(3.6e-3, "kWh", "千瓦时", "度");
        energy(3.6, "MWh", "兆瓦时");
        energy(3.6e3, "GWh");
        energy(3.6e-3 * 1e4, "10^4kWh", "万千瓦时");
        energy(KGCE_MJ * 1e-3, "kgce", "千克标准煤");
        energy(KGCE_MJ, "tce", "吨标准煤");
        energy(KGCE_MJ * 1e4, "10^4tce", "万吨标准煤");
        volume(1e-3, "L", "升", "l");
        volume(1, "m3", "Nm3", "立方米", "方", "标立方米");
        volume(1e3, "10^3m3", "10^3Nm3", "千立方米");
        volume(1e4, "10^4m3", "10^4Nm3", "万立方米", "万m3", "万Nm3", "万方");
        volume(1e8, "10^8m3", "10^8Nm3", "亿立方米", "亿m3");
        add(Dimension.AREA, 1, "m2", "平方米");
        add(Dimension.AREA, 1e4, "ha", "hm2", "公顷");
        add(Dimension.AREA, 1e4 / 15.0, "亩", "mu");
        add(Dimension.AREA, 1e6, "km2", "平方千米", "平方公里");
        add(Dimension.AREA, 1e4 * 1e4 / 15.0, "10^4亩", "万亩");
        add(Dimension.DISTANCE, 1e-3, "m", "米");
        add(Dimension.DISTANCE, 1, "km", "千米", "公里");
        add(Dimension.DISTANCE, 1e4, "10^4km", "万公里", "万km");
        add(Dimension.TIME, 1, "h", "小时", "hour");
        add(Dimension.TIME, 24, "d", "天", "day");
        add(Dimension.TIME, 8760, "a", "年", "yr", "year");
        add(Dimension.VEHICLE, 1, "vehicle", "veh", "辆", "vehicles");
        add(Dimension.VEHICLE, 1e4, "10^4vehicle", "万辆");
        add(Dimension.HEAD, 1, "head", "头", "只", "heads");
        add(Dimension.HEAD, 1e4, "10^4head", "万头", "万只");
        add(Dimension.COMPONENT, 1, "component", "个", "点");
        add(Dimension.VEHICLE_DISTANCE, 1, "vkm", "vehicle·km", "辆·公里", "veh·km");
        add(Dimension.VEHICLE_DISTANCE, 1e4, "10^4vkm", "万车公里");
    }

    private Units() {
    }

    private static void mass(double kg, String symbol, String... aliases) {
        add(Dimension.MASS, kg, symbol, aliases);
    }

    private static void energy(double gj, String symbol, String... aliases) {
        add(Dimension.ENERGY, gj, symbol, aliases);
    }

    private static void volume(double m3, String symbol, String... aliases) {
        add(Dimension.VOLUME, m3, symbol, aliases);
    }

    private static void add(Dimension d, double toBase, String symbol, String... aliases) {
        Unit u = new Unit(symbol, d, toBase);
        put(symbol, u);
        for (String a : aliases) {
            put(a, u);
        }
    }

    private static void put(String name, Unit u) {
        String k = normalise(name);
        UNITS.put(k, u);
        String lower = k.toLowerCase(Locale.ROOT);
        Unit prev = LOWER.get(lower);
        LOWER.put(lower, prev == null || prev.equals(u) ? u : AMBIGUOUS);
    }

    private static Unit lookup(String normalised) {
        Unit u = UNITS.get(normalised);
        if (u == null) {
            u = LOWER.get(normalised.toLowerCase(Locale.ROOT));
        }
        return u == AMBIGUOUS ? null : u;
    }

    /** The unit named by {@code text}; an unknown unit is an error naming the record. */
    public static Unit unit(String text, String record) {
        Unit u = lookup(normalise(text));
        if (u == null) {
            throw new EcoAidException("inventory.error.unknownUnit", record, text);
        }
        return u;
    }

    /** Whether {@code text} names a known unit. */
    public static boolean isUnit(String text) {
        return lookup(normalise(text)) != null;
    }

    private static final Pattern FRACTION_OF = Pattern.compile("^(%|fraction)of(.+)$", Pattern.CASE_INSENSITIVE);

    /** Parses a factor unit such as "kg/t", "g/GJ", "kg/10^4m3", "g/kg fuel" (words after the unit ignored), "% of PM2.5". */
    public static FactorUnit factorUnit(String text, String record) {
        String n = normalise(text);
        Matcher m = FRACTION_OF.matcher(n);
        if (m.matches()) {
            Pollutant base = Pollutant.parse(m.group(2), record);
            return new FactorUnit(text.strip(), null, null, m.group(1).equals("%") ? 0.01 : 1.0, base);
        }
        int slash = n.indexOf('/');
        if (slash <= 0) {
            throw new EcoAidException("inventory.error.badFactorUnit", record, text);
        }
        Unit num = lookup(n.substring(0, slash));
        Unit d = lookup(n.substring(slash + 1));
        if (d == null) {
            // "g/kg fuel", "kg/t product": accept a trailing word after a known unit
            String raw = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
            int rs = raw.indexOf('/');
            String[] words = raw.substring(rs + 1).strip().split("\\s+");
            d = words.length > 0 ? lookup(normalise(words[0])) : null;
        }
        if (num == null || num.dimension() != Dimension.MASS || d == null) {
            throw new EcoAidException("inventory.error.badFactorUnit", record, text);
        }
        return new FactorUnit(text.strip(), num, d, 1.0, null);
    }

    /** NFKC, superscripts to digits, "×10⁴"/"10⁴" to "10^4", spaces removed; case is kept (mg is not Mg). */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        t = t.replace("³", "3").replace("²", "2");
        t = t.replace(" ", "").replace("\u00B7", "·");
        t = t.replace("10**", "10^").replace("×10^", "10^").replace("x10^", "10^");
        // NFKC turns "10⁴" into "104": restore the exponent form
        t = t.replaceAll("^10([348])(?=[^0-9.^])", "10^$1").replaceAll("/10([348])(?=[^0-9.^])", "/10^$1");
        return t.replace("μ", "µ");
    }
}
