package cn.ecoaid.water;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.HeaderMap;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads water-quality measurements from a table (CSV or Excel, see docs/formats.md "Water ecology"), in long form
 * ({@code site,date,parameter,value[,unit,flag,detection_limit]}) or wide form (one column per parameter, the unit
 * optionally in brackets in the header). Values below the detection limit are written "&lt;0.01", "0.01L", or "ND"/"未检出"
 * with a detection_limit column, or as the limit with a flag "&lt;", "L" or "ND"; they are kept as such
 * ({@link Measured#belowDetection()}). Every bad cell is reported with its row, column and reason; the import is all
 * or nothing unless {@code keepValid}.
 */
public final class WaterQualityFile {
    static final List<String> SITE = List.of("site", "站点", "断面", "断面名称", "点位", "点位名称", "section", "station", "site_code", "站位");
    static final List<String> DATE = List.of("date", "日期", "采样日期", "监测日期", "sampling_date", "time", "时间");
    static final List<String> PARAMETER = List.of("parameter", "指标", "项目", "监测项目", "监测指标", "item", "analyte");
    static final List<String> VALUE = List.of("value", "值", "浓度", "监测值", "结果", "result", "concentration");
    static final List<String> UNIT = List.of("unit", "单位", "units");
    static final List<String> FLAG = List.of("flag", "标记", "标识", "qualifier", "remark");
    static final List<String> DL = List.of("detection_limit", "检出限", "dl", "mdl", "lod");
    static final List<String> TYPE = List.of("water_body_type", "水体类型", "type", "类型", "水体");
    static final List<String> TARGET = List.of("target", "水质目标", "目标", "target_class", "目标类别");
    static final List<String> WATER_BODY = List.of("river", "河流", "湖库", "所属河流", "河流湖库", "lake", "water_body", "waterbody", "所属水体");
    static final List<String> PERIOD = List.of("period", "水期", "hydro_period", "hydrological_period");

    private static final Pattern LESS = Pattern.compile("^[<＜≤]\\s*([0-9.eE+-]+)$");
    private static final Pattern TRAILING_L = Pattern.compile("^([0-9.eE+-]+)\\s*[Ll]$");
    private static final List<String> ND_WORDS = List.of("nd", "n.d.", "未检出", "bdl", "<dl", "<mdl", "低于检出限");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /**
     * The samples read, the problems found (empty unless {@code keepValid}), and in wide form the headers of columns
     * that are not a known parameter nor a site column and were therefore not read (shown to the user as a warning).
     */
    public record Result(List<WaterSample> samples, List<Problem> problems, boolean longForm, List<String> ignoredColumns) {
    }

    private WaterQualityFile() {
    }

    /**
     * What a workspace site says about itself (its attributes 水体类型/water_body_type, 水质目标/target, 河流/river):
     * used for rows of that site that do not say it themselves. Any field may be null.
     */
    public record SiteInfo(WaterBodyType type, WaterClass target, String waterBody) {
        /** Reads the attributes of a site (keys compared like column headers, Chinese or English); bad values are ignored. */
        public static SiteInfo of(Map<String, String> attributes) {
            HeaderMap h = new HeaderMap(List.copyOf(attributes.keySet()));
            List<String> keys = List.copyOf(attributes.keySet());
            WaterBodyType type = h.find(TYPE).map(i -> {
                try {
                    return WaterBodyType.parse(attributes.get(keys.get(i)));
                } catch (cn.ecoaid.domain.EcoAidException e) {
                    return null;
                }
            }).orElse(null);
            WaterClass target = h.find(TARGET).map(i -> {
                try {
                    return WaterClass.parse(attributes.get(keys.get(i)));
                } catch (cn.ecoaid.domain.EcoAidException e) {
                    return null;
                }
            }).orElse(null);
            String body = h.find(WATER_BODY).map(i -> attributes.get(keys.get(i))).orElse(null);
            return new SiteInfo(type, target, body);
        }
    }

    public static Result read(Table t, WaterBodyType defaultType, boolean keepValid) {
        return read(t, defaultType, keepValid, Map.of());
    }

    /** As {@link #read(Table, WaterBodyType, boolean)}, with what the workspace knows of each site (by site code). */
    public static Result read(Table t, WaterBodyType defaultType, boolean keepValid, Map<String, SiteInfo> sites) {
        HeaderMap h = new HeaderMap(t.headers());
        List<Problem> problems = new ArrayList<>();
        Optional<Integer> site = h.find(SITE);
        Optional<Integer> date = h.find(DATE);
        if (site.isEmpty() || date.isEmpty()) {
            problems.add(Problem.of(1, site.isEmpty() ? "site" : "date", "water.import.missingColumn",
                    site.isEmpty() ? "site/断面" : "date/日期"));
            throw new ImportRejectedException(problems);
        }
        Optional<Integer> param = h.find(PARAMETER);
        Optional<Integer> value = h.find(VALUE);
        boolean longForm = param.isPresent() && value.isPresent();
        int unitCol = h.find(UNIT).orElse(-1);
        int flagCol = h.find(FLAG).orElse(-1);
        int dlCol = h.find(DL).orElse(-1);
        int typeCol = h.find(TYPE).orElse(-1);
        int targetCol = h.find(TARGET).orElse(-1);
        int bodyCol = h.find(WATER_BODY).orElse(-1);
        int periodCol = h.find(PERIOD).orElse(-1);
        // wide form: parameter columns
        Map<Integer, String> wide = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        if (!longForm) {
            List<Integer> reserved = List.of(site.get(), date.get(), unitCol, flagCol, dlCol, typeCol, targetCol, bodyCol, periodCol);
            for (int i = 0; i < t.headers().size(); i++) {
                if (reserved.contains(i)) {
                    continue;
                }
                Optional<String> code = WaterParameters.code(t.headers().get(i));
                if (code.isPresent()) {
                    wide.put(i, code.get());
                } else if (!t.headers().get(i).isBlank()) {
                    ignored.add(t.headers().get(i));
                }
            }
            if (wide.isEmpty()) {
                problems.add(Problem.of(1, "", "water.import.noParameters"));
                throw new ImportRejectedException(problems);
            }
        }
        Map<String, Builder> samples = new LinkedHashMap<>();
        for (Table.Row r : t.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int before = problems.size();
            String siteName = r.get(site.get());
            if (siteName.isEmpty()) {
                problems.add(Problem.of(r.number(), h.header(site.get()), "water.import.empty"));
            }
            LocalDate d = parseDate(r.get(date.get()));
            if (d == null) {
                problems.add(Problem.of(r.number(), h.header(date.get()), "water.import.badDate", r.get(date.get())));
            }
            SiteInfo info = sites.get(siteName);
            WaterBodyType type = info != null && info.type() != null ? info.type() : defaultType;
            if (typeCol >= 0 && !r.get(typeCol).isEmpty()) {
                try {
                    type = WaterBodyType.parse(r.get(typeCol));
                } catch (cn.ecoaid.domain.EcoAidException e) {
                    problems.add(Problem.of(r.number(), h.header(typeCol), "water.import.badWaterBody", r.get(typeCol)));
                }
            }
            WaterClass target = info == null ? null : info.target();
            if (targetCol >= 0 && !r.get(targetCol).isEmpty()) {
                try {
                    target = WaterClass.parse(r.get(targetCol));
                } catch (cn.ecoaid.domain.EcoAidException e) {
                    problems.add(Problem.of(r.number(), h.header(targetCol), "water.import.badClass", r.get(targetCol)));
                }
            }
            Map<String, Measured> values = new LinkedHashMap<>();
            if (longForm) {
                String name = r.get(param.get());
                Optional<String> code = WaterParameters.code(name);
                if (code.isEmpty()) {
                    problems.add(Problem.of(r.number(), h.header(param.get()), "water.import.unknownParameter", name));
                } else if (!r.get(value.get()).isEmpty() || flagCol >= 0 && !r.get(flagCol).isEmpty()) {
                    String unit = unitCol >= 0 ? r.get(unitCol) : "";
                    Measured m = parseValue(r, value.get(), h, code.get(), unit, flagCol, dlCol, problems);
                    if (m != null) {
                        values.put(code.get(), m);
                    }
                }
            } else {
                for (Map.Entry<Integer, String> e : wide.entrySet()) {
                    if (r.get(e.getKey()).isEmpty()) {
                        continue;
                    }
                    String unit = WaterParameters.unitInHeader(h.header(e.getKey()));
                    Measured m = parseValue(r, e.getKey(), h, e.getValue(), unit, -1, -1, problems);
                    if (m != null) {
                        values.put(e.getValue(), m);
                    }
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String key = siteName + "\u0000" + d;
            Builder b = samples.computeIfAbsent(key, k -> new Builder(siteName, d));
            if (b.body.isEmpty() && info != null && info.waterBody() != null) {
                b.body = info.waterBody();
            }
            b.type = type;
            b.target = target != null ? target : b.target;
            if (bodyCol >= 0 && !r.get(bodyCol).isEmpty()) {
                b.body = r.get(bodyCol);
            }
            if (periodCol >= 0 && !r.get(periodCol).isEmpty()) {
                b.period = r.get(periodCol);
            }
            for (Map.Entry<String, Measured> e : values.entrySet()) {
                if (b.values.containsKey(e.getKey())) {
                    problems.add(Problem.of(r.number(), longForm ? h.header(param.get()) : "", "water.import.duplicate",
                            siteName, d, e.getKey()));
                } else {
                    b.values.put(e.getKey(), e.getValue());
                }
            }
        }
        if (!problems.isEmpty() && !keepValid) {
            throw new ImportRejectedException(problems);
        }
        List<WaterSample> out = samples.values().stream()
                .map(b -> new WaterSample(b.site, b.date, b.type, b.target, b.body, b.period, b.values)).toList();
        return new Result(out, problems, longForm, List.copyOf(ignored));
    }

    private static final class Builder {
        final String site;
        final LocalDate date;
        WaterBodyType type;
        WaterClass target;
        String body = "";
        String period = "";
        final Map<String, Measured> values = new LinkedHashMap<>();

        Builder(String site, LocalDate date) {
            this.site = site;
            this.date = date;
        }
    }

    static LocalDate parseDate(String text) {
        String s = text.strip();
        if (s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
            s = s.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static Measured parseValue(Table.Row r, int col, HeaderMap h, String code, String unit, int flagCol, int dlCol,
            List<Problem> problems) {
        String column = h.header(col);
        Optional<Double> factor = WaterParameters.factor(code, unit);
        if (factor.isEmpty()) {
            problems.add(Problem.of(r.number(), column, "water.import.badUnit", unit, code));
            return null;
        }
        String raw = java.text.Normalizer.normalize(r.get(col), java.text.Normalizer.Form.NFKC).strip();
        String flag = flagCol >= 0 ? r.get(flagCol).strip().toLowerCase(Locale.ROOT) : "";
        boolean below = false;
        String number = raw;
        Matcher m;
        if (ND_WORDS.contains(raw.toLowerCase(Locale.ROOT)) || raw.isEmpty() && ND_WORDS.contains(flag)) {
            String dl = dlCol >= 0 ? r.get(dlCol) : "";
            if (dl.isEmpty()) {
                problems.add(Problem.of(r.number(), column, "water.import.noDetectionLimit", raw.isEmpty() ? flag : raw));
                return null;
            }
            below = true;
            number = dl;
        } else if ((m = LESS.matcher(raw)).matches()) {
            below = true;
            number = m.group(1);
        } else if ((m = TRAILING_L.matcher(raw)).matches()) {
            below = true;
            number = m.group(1);
        } else if (flag.equals("<") || flag.equals("l") || ND_WORDS.contains(flag)) {
            below = true;
        }
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(r.number(), column, "water.import.badNumber", raw));
            return null;
        }
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            problems.add(Problem.of(r.number(), column, "water.import.badNumber", raw));
            return null;
        }
        v *= factor.get();
        return below ? Measured.belowLimit(v) : Measured.of(v);
    }
}
