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
