package cn.ecoaid.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PMF result charts of PMF 5.0 and ESAT, drawn with JFreeChart in the report fonts: a factor's profile (% of each
 * species), its contributions over the samples (normalised to mean 1), the mean contribution of every factor as a pie,
 * and the G-space plot of two factors' normalised contributions (points along an axis mean the two are independent;
 * an edge free of points hints at rotational freedom). Callers pass plain numbers; titles and labels come translated.
 */
public final class PmfCharts {
    private static final Color BAR = new Color(0x3B, 0x6E, 0xA8);
    private static final Color LINE = new Color(0xC0, 0x50, 0x2B);

    static {
        Charts.useReportTheme();
    }

    private PmfCharts() {
    }


    /** Bars of a factor's profile: the percentage of each species' total that the factor holds. */
    public static JFreeChart profile(String title, String valueAxis, List<String> species, double[] percentOfSpecies) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int j = 0; j < species.size(); j++) {
            data.addValue(percentOfSpecies[j], "", species.get(j));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        plot.getRangeAxis().setRange(0, 100);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, BAR);
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** A factor's contributions in sample order, normalised to mean 1 (x: sample number from 1). */
    public static JFreeChart contributions(String title, String sampleAxis, String valueAxis, double[] normalised) {
        XYSeries s = new XYSeries(title);
        for (int i = 0; i < normalised.length; i++) {
            s.add(i + 1, normalised[i]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, sampleAxis, valueAxis, new XYSeriesCollection(s),
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, LINE);
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** The mean contribution of each factor as a pie, each slice labelled "name: value (share)". */
    public static JFreeChart meanPie(String title, List<String> names, double[] means) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (int k = 0; k < names.size(); k++) {
            data.setValue(names.get(k), Math.max(0, means[k]));
        }
        JFreeChart chart = ChartFactory.createPieChart(title, data, true, false, false);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1} ({2})", new DecimalFormat("0.##"),
                new DecimalFormat("0.0%")));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        return chart;
    }

    /** The G-space plot: each sample's normalised contribution of factor a against factor b. */
    public static JFreeChart gSpace(String title, String aName, String bName, double[] a, double[] b) {
        XYSeries s = new XYSeries(title, false, true); // sample order, repeated values allowed
        for (int i = 0; i < a.length; i++) {
            s.add(a[i], b[i]);
        }
        JFreeChart chart = ChartFactory.createScatterPlot(title, aName, bName, new XYSeriesCollection(s),
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, BAR);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }
}
