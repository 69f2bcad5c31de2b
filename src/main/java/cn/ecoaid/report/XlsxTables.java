package cn.ecoaid.report;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Plain tables in and out of .xlsx files (import of user files, templates, simple exports). */
public final class XlsxTables {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private XlsxTables() {
    }

    /** A sheet to write: its name, header, rows, and an optional comment per header cell. */
    public record SheetData(String name, List<String> headers, List<List<String>> rows, List<String> headerNotes) {
    }

    /** Reads the first sheet: first non-empty row as header, cell values as the user sees them (numbers as plain text). */
    public static Table readFirstSheet(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> headers = null;
            List<Table.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                int last = row.getLastCellNum();
                boolean any = false;
                for (int c = 0; c < Math.max(last, 0); c++) {
                    String v = text(row.getCell(c));
                    any |= !v.isBlank();
                    cells.add(v);
                }
                if (!any) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    rows.add(new Table.Row(row.getRowNum() + 1, cells));
                }
            }
            return new Table(headers == null ? List.of() : headers, rows);
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new EcoAidException(e, "error.file.notExcel", file);
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DATE.format(t) : DATE_TIME.format(t);
                }
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default:
                return "";
        }
    }

    /** Writes one sheet; cells that parse as numbers are written as numbers. */
    public static void write(Path file, String sheetName, List<String> headers, List<List<String>> rows) {
        writeSheets(file, List.of(new SheetData(sheetName, headers, rows, List.of())));
    }

    /** Writes several sheets with a styled, frozen header row; atomically replaces {@code file}. */
    public static void writeSheets(Path file, List<SheetData> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (SheetData data : sheets) {
                Sheet sheet = wb.createSheet(data.name());
                Row h = sheet.createRow(0);
                for (int i = 0; i < data.headers().size(); i++) {
                    Cell cell = h.createCell(i);
                    cell.setCellValue(data.headers().get(i));
                    cell.setCellStyle(head);
                    int width = Math.max(10, data.headers().get(i).length() * 2 + 4);
                    sheet.setColumnWidth(i, Math.min(60, width) * 256);
                }
                for (int i = 0; i < data.headerNotes().size() && i < data.headers().size(); i++) {
                    String note = data.headerNotes().get(i);
                    if (note != null && !note.isBlank()) {
                        var drawing = sheet.createDrawingPatriarch();
                        var anchor = wb.getCreationHelper().createClientAnchor();
                        anchor.setCol1(i);
                        anchor.setCol2(i + 3);
                        anchor.setRow1(0);
                        anchor.setRow2(4);
                        var comment = drawing.createCellComment(anchor);
                        comment.setString(wb.getCreationHelper().createRichTextString(note));
                        h.getCell(i).setCellComment(comment);
                    }
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<String> values : data.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        String v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (v == null || v.isEmpty()) {
                            continue;
                        }
                        Double number = asNumber(v);
                        if (number != null) {
                            cell.setCellValue(number);
                        } else {
                            cell.setCellValue(v);
                        }
                    }
                }
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".ecoaid-", ".xlsx.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getMessage());
        }
    }

    /**
     * A sheet of typed cells: {@link Number} → number, {@link java.time.LocalDate} → date cell (yyyy-mm-dd),
     * {@link String} → text, {@link Formula} → formula, null → blank. {@code totalColumns} get a SUM formula in a totals row
     * labelled {@code totalLabel}; {@code chart} (may be null) adds a native bar or line chart beside the data.
     */
    public record TypedSheet(String name, List<String> headers, List<List<Object>> rows, java.util.Set<Integer> totalColumns,
                             String totalLabel, ChartSpec chart) {
    }

    /** A formula cell ({@code "B2-C2+1"}, no leading '='); {@code {r}} is replaced by the 1-based row number. */
    public record Formula(String expression) {
    }

    /** A native chart: categories from one column, one series per value column, bars or lines. */
    public record ChartSpec(String title, int categoryColumn, List<Integer> valueColumns, String valueAxis, boolean line) {
    }

    private static final java.awt.Color[] SERIES = {new java.awt.Color(0x2F5597), new java.awt.Color(0xC55A11),
        new java.awt.Color(0x548235), new java.awt.Color(0x7F6000), new java.awt.Color(0x7030A0), new java.awt.Color(0x1F7F7F)};

    /** Writes typed sheets with styled, frozen headers, fitted column widths, totals as formulas and charts; atomic. */
    public static void writeTypedSheets(Path file, List<TypedSheet> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            org.apache.poi.xssf.usermodel.XSSFCellStyle head = wb.createCellStyle();
            org.apache.poi.xssf.usermodel.XSSFFont bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] {(byte) 0xD9, (byte) 0xE2, (byte) 0xF3}, null));
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            head.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            head.setWrapText(true);
            head.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.CENTER);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle totalStyle = wb.createCellStyle();
            totalStyle.setFont(bold);
            totalStyle.setBorderTop(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (TypedSheet data : sheets) {
                String name = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(data.name());
                String unique = name;
                for (int i = 2; !names.add(unique); i++) {
                    unique = name.substring(0, Math.min(name.length(), 27)) + " (" + i + ")";
                }
                org.apache.poi.xssf.usermodel.XSSFSheet sheet = wb.createSheet(unique);
                int cols = data.headers().size();
                int[] width = new int[cols];
                Row h = sheet.createRow(0);
                for (int c = 0; c < cols; c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(data.headers().get(c));
                    cell.setCellStyle(head);
                    width[c] = displayWidth(data.headers().get(c));
                }
                int r = 1;
                for (List<Object> values : data.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size() && c < cols; c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            width[c] = Math.max(width[c], displayWidth(BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString()));
                        } else if (v instanceof java.time.LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                            width[c] = Math.max(width[c], 11);
                        } else if (v instanceof Formula f) {
                            cell.setCellFormula(f.expression().replace("{r}", Integer.toString(r)));
                            width[c] = Math.max(width[c], 10);
                        } else {
                            cell.setCellValue(v.toString());
                            width[c] = Math.max(width[c], displayWidth(v.toString()));
                        }
                    }
                }
                int lastDataRow = r; // 1-based number of the last data row
                if (!data.totalColumns().isEmpty() && !data.rows().isEmpty()) {
                    Row total = sheet.createRow(r);
                    int labelColumn = 0;
                    while (data.totalColumns().contains(labelColumn)) {
                        labelColumn++;
                    }
                    Cell label = total.createCell(labelColumn);
                    label.setCellValue(data.totalLabel());
                    label.setCellStyle(totalStyle);
                    for (int c : data.totalColumns()) {
                        String col = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
                        Cell cell = total.createCell(c);
                        cell.setCellFormula("SUM(" + col + "2:" + col + lastDataRow + ")");
                        cell.setCellStyle(totalStyle);
                    }
                }
                for (int c = 0; c < cols; c++) {
                    sheet.setColumnWidth(c, Math.min(50, Math.max(8, width[c] + 2)) * 256);
                }
                sheet.createFreezePane(1, 1);
                if (data.chart() != null && !data.rows().isEmpty()) {
                    chart(sheet, data, cols, lastDataRow);
                }
            }
            wb.setForceFormulaRecalculation(true);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".ecoaid-", ".xlsx.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getMessage());
        }
    }

    private static void chart(org.apache.poi.xssf.usermodel.XSSFSheet sheet, TypedSheet data, int cols, int lastDataRow) {
        ChartSpec spec = data.chart();
        var drawing = sheet.createDrawingPatriarch();
        var anchor = drawing.createAnchor(0, 0, 0, 0, cols + 1, 1, cols + 11, 22);
        var chart = drawing.createChart(anchor);
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        var legend = chart.getOrAddLegend();
        legend.setPosition(org.apache.poi.xddf.usermodel.chart.LegendPosition.BOTTOM);
        var bottom = chart.createCategoryAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.BOTTOM);
        var left = chart.createValueAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.LEFT);
        left.setTitle(spec.valueAxis());
        left.setCrosses(org.apache.poi.xddf.usermodel.chart.AxisCrosses.AUTO_ZERO);
        var categories = org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new org.apache.poi.ss.util.CellRangeAddress(1, lastDataRow - 1, spec.categoryColumn(), spec.categoryColumn()));
        org.apache.poi.xddf.usermodel.chart.XDDFChartData cd = chart.createData(spec.line()
                ? org.apache.poi.xddf.usermodel.chart.ChartTypes.LINE : org.apache.poi.xddf.usermodel.chart.ChartTypes.BAR, bottom, left);
        if (cd instanceof org.apache.poi.xddf.usermodel.chart.XDDFBarChartData bar) {
            bar.setBarDirection(org.apache.poi.xddf.usermodel.chart.BarDirection.COL);
        }
        int i = 0;
        for (int c : spec.valueColumns()) {
            var values = org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new org.apache.poi.ss.util.CellRangeAddress(1, lastDataRow - 1, c, c));
            var series = cd.addSeries(categories, values);
            series.setTitle(data.headers().get(c), new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), 0, c, true, true));
            java.awt.Color color = SERIES[i++ % SERIES.length];
            var fill = new org.apache.poi.xddf.usermodel.XDDFSolidFillProperties(
                    org.apache.poi.xddf.usermodel.XDDFColor.from(new byte[] {(byte) color.getRed(), (byte) color.getGreen(), (byte) color.getBlue()}));
            var props = new org.apache.poi.xddf.usermodel.XDDFShapeProperties();
            if (spec.line()) {
                var line = new org.apache.poi.xddf.usermodel.XDDFLineProperties();
                line.setFillProperties(fill);
                line.setWidth(2.0);
                props.setLineProperties(line);
            } else {
                props.setFillProperties(fill);
            }
            series.setShapeProperties(props);
        }
        chart.plot(cd);
    }

    /** Approximate width in Excel character units: CJK characters count double. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private static Double asNumber(String v) {
        // Codes such as "110101" or "001" stay text when they have leading zeros; plain decimals become numbers.
        if (v.length() > 1 && v.charAt(0) == '0' && v.charAt(1) != '.') {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) && v.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
