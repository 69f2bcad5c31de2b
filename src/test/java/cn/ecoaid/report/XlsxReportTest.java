package cn.ecoaid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReportTest {
    @TempDir
    Path dir;

    static int column(Sheet s, String header) {
        for (Cell c : s.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    @Test
    void typedCellsFormulasChartsAndFrozenHeaders() throws Exception {
        Path out = dir.resolve("r.xlsx");
        new XlsxReport(new Messages(Messages.CHINESE)).write(DocxReportTest.sample(dir), out);
        String keep = System.getenv("ECOAID_KEEP_REPORTS");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(out, Path.of(keep, "report.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals("措施清单", wb.getSheetName(0));
            assertEquals("路线图", wb.getSheetName(1));
            assertEquals("阶段目标", wb.getSheetName(2));
            assertEquals("效果跟踪", wb.getSheetName(3));
            assertEquals("PM2.5 与 PM10 年均浓度", wb.getSheetName(4));
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            Sheet m = wb.getSheet("措施清单");
            int cost = column(m, "投资（万元）");
            int pm = column(m, "PM2.5减排量（吨/年）");
            int start = column(m, "开始日期");
            // numbers are numeric, dates are date-formatted numeric cells
            assertEquals(CellType.NUMERIC, m.getRow(1).getCell(cost).getCellType());
            assertEquals(5000.0, m.getRow(1).getCell(cost).getNumericCellValue());
            Cell d = m.getRow(1).getCell(start);
            assertEquals(CellType.NUMERIC, d.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(d));
            assertEquals(LocalDate.of(2026, 1, 1), d.getLocalDateTimeCellValue().toLocalDate());
            // totals row: SUM formulas evaluate to the sums of the sample (6 measures; the emergency one has no cost)
            Row total = m.getRow(7);
            assertEquals("合计", total.getCell(0).getStringCellValue());
            assertEquals(CellType.FORMULA, total.getCell(cost).getCellType());
            assertEquals(5000 + 12000 + 3000 + 800 + 2600, eval.evaluate(total.getCell(cost)).getNumberValue(), 1e-9);
            assertEquals(120.5 + 350 + 40 + 180, eval.evaluate(total.getCell(pm)).getNumberValue(), 1e-9);
            // header styled, frozen panes, a native chart with an explicit fill per series
            assertTrue(wb.getFontAt(m.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertNotNull(m.getPaneInformation());
            assertEquals(1, m.getPaneInformation().getHorizontalSplitPosition());
            var charts = ((XSSFSheet) m).getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size());
            String chartXml = charts.get(0).getCTChart().xmlText();
            assertTrue(chartXml.contains("solidFill"), "explicit fill");
            assertTrue(m.getColumnWidth(1) > m.getColumnWidth(0));
            // roadmap durations are formulas: 2026-01-01 … 2026-12-31 is 365 days
            Sheet r = wb.getSheet("路线图");
            Cell days = r.getRow(1).getCell(column(r, "工期（天）"));
            assertEquals(CellType.FORMULA, days.getCellType());
            assertEquals(365, eval.evaluate(days).getNumberValue(), 1e-9);
            // 2026-04-01 … 2027-10-31 inclusive: 579 days (Python: (date(2027,10,31) - date(2026,4,1)).days + 1)
            assertEquals(579, eval.evaluate(r.getRow(2).getCell(column(r, "工期（天）"))).getNumberValue(), 1e-9);
            // a block drawn as a chart: totals of 1…6 and 2…12
            Sheet b = wb.getSheetAt(4);
            assertEquals(21, eval.evaluate(b.getRow(7).getCell(1)).getNumberValue(), 1e-9);
            assertEquals(42, eval.evaluate(b.getRow(7).getCell(2)).getNumberValue(), 1e-9);
            Sheet t = wb.getSheet("效果跟踪");
            assertTrue(DateUtil.isCellDateFormatted(t.getRow(1).getCell(1)));
            assertEquals(CellType.NUMERIC, t.getRow(1).getCell(2).getCellType());
        }
    }
}
