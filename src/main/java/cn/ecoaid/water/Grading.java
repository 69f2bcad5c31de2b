package cn.ecoaid.water;

import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.List;
import java.util.Locale;

/**
 * A grading of an index value into labelled bands, loaded from a standard resource with columns
 * {@code upper,label_zh,label_en}: a value takes the first band whose upper bound it does not exceed (a blank upper
 * bound is open). The shipped gradings are secondary and labelled as such in their metadata.
 */
public final class Grading {
    public static final String SHANNON = "water/grading-shannon-secondary.csv";
    public static final String HILSENHOFF = "water/grading-hilsenhoff-secondary.csv";

    /** One band: upper bound (inclusive; +∞ when open) and its labels. */
    public record Band(double upper, String labelZh, String labelEn) {
        public String label(Locale locale) {
            return locale.getLanguage().equals("en") ? labelEn : labelZh;
        }
    }

    private final StandardTable table;
    private final List<Band> bands;

    public Grading(StandardTable table) {
        this.table = table;
        Table t = table.data();
        List<String> h = t.headers().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        this.bands = t.rows().stream().filter(r -> !r.get(h.indexOf("label_zh")).isBlank()).map(r -> new Band(
                r.get(h.indexOf("upper")).isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(r.get(h.indexOf("upper"))),
                r.get(h.indexOf("label_zh")), r.get(h.indexOf("label_en")))).toList();
    }

    public static Grading load(String resource) {
        return new Grading(StandardTable.load(resource));
    }

    public String standard() {
        return table.standard();
    }

    public List<Band> bands() {
        return bands;
    }

    /** The band of a value; null for NaN. */
    public Band grade(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        for (Band b : bands) {
            if (value <= b.upper()) {
                return b;
            }
        }
        return bands.get(bands.size() - 1);
    }
}
