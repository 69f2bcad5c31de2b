package cn.ecoaid.map;

import cn.ecoaid.domain.EcoAidException;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a layer is drawn: fill and stroke colours (null = none), stroke width and point size in points (1/72 inch),
 * point symbol, the attribute used as label (null = none), and optionally graduated colours (class breaks on a numeric
 * field) or categories (a colour per value of a field), which replace the fill (and a line's stroke).
 */
public record LayerStyle(Color fill, Color stroke, double strokeWidth, Symbol symbol, double pointSize, String labelField,
                         Graduated graduated, Categories categories, boolean visible) {
    /** Point symbols. */
    public enum Symbol { CIRCLE, SQUARE, TRIANGLE, DIAMOND }

    /**
     * Graduated colours: {@code breaks} are the upper bounds of all classes but the last (ascending); a value v falls in
     * the first class whose bound is ≥ v, else the last; {@code colors} has breaks.length + 1 entries.
     */
    public record Graduated(String field, double[] breaks, Color[] colors) {
        public Graduated {
            if (colors.length != breaks.length + 1) {
                throw new EcoAidException("map.style.error.classes", breaks.length, colors.length);
            }
            for (int i = 1; i < breaks.length; i++) {
                if (!(breaks[i] > breaks[i - 1])) {
                    throw new EcoAidException("map.style.error.breaks", Arrays.toString(breaks));
                }
            }
            breaks = breaks.clone();
            colors = colors.clone();
        }

        /** The class of a value, −1 for NaN (drawn in the layer's own fill). */
        public int classOf(double v) {
            if (Double.isNaN(v)) {
                return -1;
            }
            for (int i = 0; i < breaks.length; i++) {
                if (v <= breaks[i]) {
                    return i;
                }
            }
            return breaks.length;
        }

        /** Equal-interval breaks of {@code classes} classes between the minimum and maximum of the values. */
        public static double[] equalInterval(double[] values, int classes) {
            double min = Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(0);
            double max = Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(0);
            double[] b = new double[classes - 1];
            for (int i = 1; i < classes; i++) {
                b[i - 1] = min + (max - min) * i / classes;
            }
            return b;
        }

        /** Quantile breaks: the value at rank ⌈n·i/k⌉ of the sorted values for i = 1 … k−1 (duplicates collapsed). */
        public static double[] quantiles(double[] values, int classes) {
            double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
            List<Double> b = new ArrayList<>();
            for (int i = 1; i < classes && v.length > 0; i++) {
                int rank = (int) Math.ceil(v.length * (double) i / classes);
                double x = v[Math.max(0, Math.min(v.length - 1, rank - 1))];
                if (b.isEmpty() || x > b.get(b.size() - 1)) {
                    b.add(x);
                }
            }
            return b.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** {@code n} colours interpolated linearly in RGB from {@code from} to {@code to}. */
        public static Color[] ramp(Color from, Color to, int n) {
            Color[] c = new Color[n];
            for (int i = 0; i < n; i++) {
                double t = n == 1 ? 0 : i / (double) (n - 1);
                c[i] = new Color((int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
                        (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
                        (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
            }
            return c;
        }
    }

    /** A colour per text value of a field; {@code labels} (may be empty) name the values in the legend. */
    public record Categories(String field, Map<String, Color> colors, Map<String, String> labels) {
        public Categories {
            colors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(colors));
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    public static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    /** A sensible style for the n-th layer: polygons light with a dark outline, lines in colour, points as dots. */
    public static LayerStyle defaults(int index, boolean polygons, boolean lines) {
        Color base = PALETTE[Math.floorMod(index, PALETTE.length)];
        if (polygons) {
            Color light = new Color(base.getRed(), base.getGreen(), base.getBlue(), 60);
            return new LayerStyle(light, base.darker(), 0.8, Symbol.CIRCLE, 5, null, null, null, true);
        }
        if (lines) {
            return new LayerStyle(null, base, 1.2, Symbol.CIRCLE, 5, null, null, null, true);
        }
        return new LayerStyle(base, Color.WHITE, 0.5, Symbol.CIRCLE, 5, null, null, null, true);
    }

    public LayerStyle withLabel(String field) {
        return new LayerStyle(fill, stroke, strokeWidth, symbol, pointSize, field, graduated, categories, visible);
    }

    public LayerStyle withGraduated(Graduated g) {
        return new LayerStyle(fill, stroke, strokeWidth, symbol, pointSize, labelField, g, categories, visible);
    }

    public LayerStyle withCategories(Categories c) {
        return new LayerStyle(fill, stroke, strokeWidth, symbol, pointSize, labelField, graduated, c, visible);
    }

    public LayerStyle withVisible(boolean v) {
        return new LayerStyle(fill, stroke, strokeWidth, symbol, pointSize, labelField, graduated, categories, v);
    }

    public LayerStyle withFill(Color c) {
        return new LayerStyle(c, stroke, strokeWidth, symbol, pointSize, labelField, graduated, categories, visible);
    }

    public LayerStyle withStroke(Color c, double width) {
        return new LayerStyle(fill, c, width, symbol, pointSize, labelField, graduated, categories, visible);
    }

    public LayerStyle withSymbol(Symbol s, double size) {
        return new LayerStyle(fill, stroke, strokeWidth, s, size, labelField, graduated, categories, visible);
    }

    /** "#RRGGBB" or "#RRGGBBAA" (also without "#"); "none" is null. */
    public static Color color(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("none")) {
            return null;
        }
        String t = text.strip().startsWith("#") ? text.strip().substring(1) : text.strip();
        try {
            if (t.length() == 6) {
                return new Color(Integer.parseInt(t, 16));
            }
            if (t.length() == 8) {
                long v = Long.parseLong(t, 16);
                return new Color((int) (v >> 24) & 0xFF, (int) (v >> 16) & 0xFF, (int) (v >> 8) & 0xFF, (int) v & 0xFF);
            }
        } catch (NumberFormatException e) {
            throw new EcoAidException(e, "map.style.error.color", text);
        }
        throw new EcoAidException("map.style.error.color", text);
    }

    public static String hex(Color c) {
        if (c == null) {
            return "none";
        }
        return c.getAlpha() == 255 ? String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF)
                : String.format(Locale.ROOT, "#%06x%02x", c.getRGB() & 0xFFFFFF, c.getAlpha());
    }
}
