package cn.ecoaid.report;

import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.TrackingRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Report charts drawn with JFreeChart in the logical font {@link Font#SANS_SERIF} (CJK and subscripts, STACK.md) and
 * rendered as PNG at twice the layout size for print.
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 380;
    public static final double SCALE = 2.0;
    private static final Color[] PALETTE = {new Color(0x2F5597), new Color(0xC55A11), new Color(0x548235),
        new Color(0x7F6000), new Color(0x7030A0), new Color(0x1F7F7F)};

    static {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xD9D9D9));
        theme.setRangeGridlinePaint(new Color(0xD9D9D9));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        ChartFactory.setChartTheme(theme);
    }

    private Charts() {
    }

    /** Loads this class, so that the report theme (fonts, colours) is installed before a chart is made elsewhere. */
    static void useReportTheme() {
        // the static initialiser above does the work
    }

    /** Bars of every numeric column of {@code b} over its first column; null when it has no numeric column. */
    public static JFreeChart blockBars(Block b, String valueAxis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean any = false;
        for (List<Object> row : b.rows()) {
            String category = row.isEmpty() || row.get(0) == null ? "" : row.get(0).toString();
            for (int c = 1; c < row.size() && c < b.headers().size(); c++) {
                if (row.get(c) instanceof Number n) {
                    data.addValue(n.doubleValue(), b.headers().get(c), category);
                    any = true;
                }
            }
        }
        return any ? bars(data, "", valueAxis) : null;
    }

    /** Expected reduction per pollutant (t/a). */
    public static JFreeChart reductions(Map<String, Double> totals, String series, String category, String valueAxis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        totals.forEach((k, v) -> data.addValue(v, series, k));
        return bars(data, category, valueAxis);
    }

    private static JFreeChart bars(DefaultCategoryDataset data, String categoryAxis, String valueAxis) {
        JFreeChart chart = ChartFactory.createBarChart(null, categoryAxis, valueAxis, data, PlotOrientation.VERTICAL,
                data.getRowCount() > 1, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        r.setMaximumBarWidth(0.08);
        if (data.getColumnCount() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    /** The roadmap: one bar per dated measure from start to end, time axis by quarter (or year for long plans). */
    public static JFreeChart gantt(List<Measure> measures, String series, String categoryAxis, String timeAxis) {
        TaskSeries s = new TaskSeries(series);
        LocalDate first = null;
        LocalDate last = null;
        int n = 1;
        for (Measure m : measures) {
            if (m.start() == null || m.end() == null) {
                continue;
            }
            s.add(new Task(n++ + ". " + shorten(m.name(), 18), date(m.start()), date(m.end().plusDays(1))));
            first = first == null || m.start().isBefore(first) ? m.start() : first;
            last = last == null || m.end().isAfter(last) ? m.end() : last;
        }
        TaskSeriesCollection data = new TaskSeriesCollection();
        data.add(s);
        JFreeChart chart = ChartFactory.createGanttChart(null, categoryAxis, timeAxis, data, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setSeriesPaint(0, PALETTE[0]);
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        DateAxis axis = (DateAxis) plot.getRangeAxis();
        axis.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        if (first != null) {
            LocalDate from = first.withDayOfMonth(1).withMonth((first.getMonthValue() - 1) / 3 * 3 + 1);
            LocalDate to = last.withDayOfMonth(1).withMonth((last.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
            axis.setRange(date(from), date(to));
            long quarters = java.time.temporal.ChronoUnit.MONTHS.between(from, to) / 3;
            if (quarters > 16) {
                axis.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, 1), false, false);
                axis.setDateFormatOverride(new QuarterFormat(true));
            } else {
                axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 3), false, false);
                axis.setDateFormatOverride(new QuarterFormat(false));
            }
        }
        return chart;
    }

    /** Indicator values over time with the milestone targets of the same indicator as dashed lines. */
    public static JFreeChart tracking(String indicator, List<TrackingRecord> records, List<Milestone> milestones,
                                      String timeAxis, String valueAxis) {
        TimeSeries s = new TimeSeries(indicator);
        for (TrackingRecord t : records) {
            s.addOrUpdate(new Day(date(t.date()), TimeZone.getTimeZone(ZoneOffset.UTC), java.util.Locale.ROOT), t.value());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(s);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, timeAxis, valueAxis, data, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(r);
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        java.text.SimpleDateFormat ym = new java.text.SimpleDateFormat("yyyy-MM", java.util.Locale.ROOT);
        ym.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        axis.setDateFormatOverride(ym);
        LocalDate firstDay = records.stream().map(TrackingRecord::date).min(LocalDate::compareTo).orElse(LocalDate.now());
        LocalDate lastDay = records.stream().map(TrackingRecord::date).max(LocalDate::compareTo).orElse(firstDay);
        long months = java.time.temporal.ChronoUnit.MONTHS.between(firstDay, lastDay);
        int pad = months < 2 ? 75 : 20;
        axis.setRange(date(firstDay.minusDays(pad)), date(lastDay.plusDays(pad)));
        axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, (int) Math.max(1, (months + 5) / 6)), false, false);
        for (Milestone m : milestones) {
            ValueMarker marker = new ValueMarker(m.target(), PALETTE[1], new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(m.date().getYear() + " " + (m.direction() == Milestone.Direction.AT_MOST ? "≤ " : "≥ ")
                    + num(m.target()) + " " + m.unit());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelPaint(PALETTE[1]);
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
            double lo = Math.min(plot.getRangeAxis().getLowerBound(), m.target() * 0.9);
            double hi = Math.max(plot.getRangeAxis().getUpperBound(), m.target() * 1.1);
            plot.getRangeAxis().setRange(lo, hi);
        }
        return chart;
    }

    /** PNG bytes of {@code chart} laid out at {@code width}×{@code height} and drawn at {@link #SCALE}. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage img = new BufferedImage((int) (width * SCALE), (int) (height * SCALE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            // Charts are flat colours: a fast deflate level costs a few per cent in size and saves most of the time.
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** "2026Q1" for a quarter, "2026" for a year. */
    static final class QuarterFormat extends DateFormat {
        private static final long serialVersionUID = 1L;
        private final boolean yearOnly;

        QuarterFormat(boolean yearOnly) {
            this.yearOnly = yearOnly;
            setCalendar(Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
            setNumberFormat(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
        }

        @Override
        public StringBuffer format(Date date, StringBuffer to, FieldPosition pos) {
            LocalDate d = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            to.append(d.getYear());
            if (!yearOnly) {
                to.append('Q').append((d.getMonthValue() - 1) / 3 + 1);
            }
            return to;
        }

        @Override
        public Date parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
