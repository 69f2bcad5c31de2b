package cn.ecoaid.report;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.Hour;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Air-quality charts with JFreeChart (labels in {@link Font#SANS_SERIF}, which covers Chinese and subscripts): the AQI
 * calendar (one cell per day coloured by AQI class, a row per month) and a pollutant time series with its limit line.
 * Data come in as plain arrays so that this package does not depend on {@code air}.
 */
public final class AirCharts {
    /** Colour of a day without a published AQI. */
    public static final Color NO_DATA = new Color(0xD0, 0xD0, 0xD0);

    private AirCharts() {
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    /**
     * AQI calendar. {@code levels[i]} is the AQI class (1…6) of {@code days[i]}, 0 when not published. {@code
     * classColours[k]} and {@code classNames[k]} describe class k+1 (from the standard's category table).
     */
    public static JFreeChart calendar(String title, List<LocalDate> days, int[] levels, int[] classColours,
            String[] classNames) {
        if (days.isEmpty()) {
            throw new EcoAidException("air.chart.noData");
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        YearMonth m0 = YearMonth.from(first);
        int months = (int) (m0.until(YearMonth.from(last), java.time.temporal.ChronoUnit.MONTHS) + 1);
        String[] monthLabels = new String[months];
        for (int i = 0; i < months; i++) {
            YearMonth ym = m0.plusMonths(i);
            monthLabels[i] = Messages.get("air.chart.month", Integer.toString(ym.getYear()), ym.getMonthValue());
        }
        double[][] xyz = new double[3][days.size()];
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            xyz[0][i] = d.getDayOfMonth();
            xyz[1][i] = m0.until(YearMonth.from(d), java.time.temporal.ChronoUnit.MONTHS);
            xyz[2][i] = levels[i];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("AQI", xyz);
        NumberAxis x = new NumberAxis(Messages.get("air.chart.day"));
        x.setRange(0.5, 31.5);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        x.setTickLabelFont(font(Font.PLAIN, 10));
        x.setLabelFont(font(Font.PLAIN, 12));
        SymbolAxis y = new SymbolAxis(null, monthLabels);
        y.setRange(-0.5, months - 0.5);
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setTickLabelFont(font(Font.PLAIN, 11));
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(0.92);
        r.setBlockHeight(0.86);
        LookupPaintScale scale = new LookupPaintScale(-0.5, 6.5, NO_DATA);
        scale.add(-0.5, NO_DATA);
        for (int k = 0; k < classColours.length; k++) {
            scale.add(k + 0.5, new Color(classColours[k]));
        }
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        LegendItemCollection legend = new LegendItemCollection();
        for (int k = 0; k < classColours.length; k++) {
            legend.add(new LegendItem(classNames[k], new Color(classColours[k])));
        }
        legend.add(new LegendItem(Messages.get("air.chart.noData"), NO_DATA));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, font(Font.BOLD, 16), plot, true);
        chart.setTitle(new TextTitle(title, font(Font.BOLD, 16)));
        chart.getLegend().setItemFont(font(Font.PLAIN, 11));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Daily (or hourly, when {@code hourly}) time series of one pollutant with a horizontal limit line (none when the
     * limit is NaN); NaN values are gaps.
     */
    public static JFreeChart timeSeries(String title, String seriesName, String unit, List<LocalDateTime> times,
            double[] values, boolean hourly, double limit, String limitLabel) {
        TimeSeries ts = new TimeSeries(seriesName);
        for (int i = 0; i < times.size(); i++) {
            LocalDateTime t = times.get(i);
            RegularTimePeriod p = hourly ? new Hour(t.getHour(), t.getDayOfMonth(), t.getMonthValue(), t.getYear())
                    : new Day(t.getDayOfMonth(), t.getMonthValue(), t.getYear());
            ts.addOrUpdate(p, Double.isNaN(values[i]) ? null : values[i]);
        }
        TimeSeriesCollection data = new TimeSeriesCollection(ts);
        DateAxis x = new DateAxis(Messages.get("air.chart.time"));
        x.setTickLabelFont(font(Font.PLAIN, 10));
        x.setLabelFont(font(Font.PLAIN, 12));
        x.setDateFormatOverride(new java.text.SimpleDateFormat(hourly ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd"));
        NumberAxis y = new NumberAxis(unit);
        y.setLabelFont(font(Font.PLAIN, 12));
        y.setTickLabelFont(font(Font.PLAIN, 10));
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1F, 0x5F, 0xA8));
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        plot.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        if (!Double.isNaN(limit)) {
            ValueMarker m = new ValueMarker(limit, Color.RED, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            m.setLabel(limitLabel);
            m.setLabelFont(font(Font.PLAIN, 11));
            m.setLabelPaint(Color.RED);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
            double max = 0;
            for (double v : values) {
                max = Double.isNaN(v) ? max : Math.max(max, v);
            }
            y.setRange(0, Math.max(max, limit) * 1.1 + 1e-9);
        }
        JFreeChart chart = new JFreeChart(null, font(Font.BOLD, 16), plot, false);
        chart.setTitle(new TextTitle(title, font(Font.BOLD, 16)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Renders a chart; {@code info} (may be null) receives the plot's data area. */
    public static BufferedImage render(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        return chart.createBufferedImage(width, height, info);
    }

    /** Writes a chart as PNG. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getMessage());
        }
    }
}
