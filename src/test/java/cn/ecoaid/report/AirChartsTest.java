package cn.ecoaid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.air.AqiCategory;
import cn.ecoaid.air.AqiStandard;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirChartsTest {
    @TempDir
    Path dir;

    static int[] colours() {
        return AqiStandard.hj633of2026().categories().stream().mapToInt(AqiCategory::rgb).toArray();
    }

    static String[] names() {
        return AqiStandard.hj633of2026().categories().stream().map(AqiCategory::nameZh).toArray(String[]::new);
    }

    static int pixel(BufferedImage img, JFreeChart chart, ChartRenderingInfo info, double x, double y) {
        XYPlot plot = chart.getXYPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM));
        int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT));
        return img.getRGB(px, py) & 0xFFFFFF;
    }

    @Test
    void calendarCellOfADayHasItsCategoryColour() throws Exception {
        // February and March 2026: 10 March 轻度污染 (class 3, orange 255,126,0), 11 March no AQI (NA), others 优
        List<LocalDate> days = new ArrayList<>();
        List<Integer> lv = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 2, 1); d.isBefore(LocalDate.of(2026, 4, 1)); d = d.plusDays(1)) {
            days.add(d);
            lv.add(d.equals(LocalDate.of(2026, 3, 10)) ? 3 : d.equals(LocalDate.of(2026, 3, 11)) ? 0 : 1);
        }
        JFreeChart chart = AirCharts.calendar("1001A 空气质量日历", days, lv.stream().mapToInt(i -> i).toArray(), colours(),
                names());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = AirCharts.render(chart, 900, 400, info);
        // row 1 = March (row 0 = February), column = day of month
        assertEquals(0xFF7E00, pixel(img, chart, info, 10, 1));
        assertEquals(AirCharts.NO_DATA.getRGB() & 0xFFFFFF, pixel(img, chart, info, 11, 1));
        assertEquals(0x00E400, pixel(img, chart, info, 12, 1));
        assertEquals(0x00E400, pixel(img, chart, info, 10, 0));
        // 30 February does not exist: background
        assertEquals(0xFFFFFF, pixel(img, chart, info, 30, 0));
        Path png = dir.resolve("calendar.png");
        AirCharts.writePng(chart, png, 900, 400);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(900, back.getWidth());
    }

    @Test
    void timeSeriesDrawsTheLimitLine() {
        List<LocalDateTime> t = new ArrayList<>();
        double[] v = new double[30];
        for (int i = 0; i < 30; i++) {
            t.add(LocalDate.of(2026, 3, 1).plusDays(i).atStartOfDay());
            v[i] = i == 5 ? Double.NaN : 20 + i;
        }
        JFreeChart chart = AirCharts.timeSeries("PM2.5", "PM2.5", "µg/m³", t, v, false, 60, "二级 60");
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = AirCharts.render(chart, 800, 400, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int py = (int) Math.round(chart.getXYPlot().getRangeAxis().valueToJava2D(60, area, RectangleEdge.LEFT));
        int red = 0;
        for (int px = (int) area.getMinX() + 2; px < area.getMaxX() - 2; px++) {
            int c = img.getRGB(px, py) & 0xFFFFFF;
            if (c == 0xFF0000) {
                red++;
            }
        }
        // a dash pattern of 6 on, 4 off covers about 60 % of the width
        assertTrue(red > area.getWidth() * 0.4, "red pixels on the limit line: " + red);
    }
}
