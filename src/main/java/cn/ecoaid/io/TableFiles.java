package cn.ecoaid.io;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.report.XlsxTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and writes tables as CSV (UTF-8, GBK detected on reading) or Excel (.xlsx, first sheet). */
public final class TableFiles {
    private TableFiles() {
    }

    public static boolean isExcel(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    /** Reads the first non-blank row as the header and the rest as data rows. */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("error.file.notFound", file);
        }
        try {
            if (isExcel(file)) {
                return XlsxTables.readFirstSheet(file);
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xls")) {
                throw new EcoAidException("error.file.xlsUnsupported", file);
            }
            String text = TextFiles.decode(Files.readAllBytes(file));
            return fromCsv(text);
        } catch (NoSuchFileException e) {
            throw new EcoAidException(e, "error.file.notFound", file);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.read", file, e.getMessage());
        }
    }

    /** Parses CSV text (separator guessed) into a table. */
    public static Table fromCsv(String text) {
        List<Csv.Record> records = Csv.parse(text, Csv.guessSeparator(text));
        if (records.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        List<Table.Row> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            Csv.Record r = records.get(i);
            rows.add(new Table.Row(r.line(), r.cells()));
        }
        return new Table(records.get(0).cells(), rows);
    }

    /** Writes CSV (UTF-8 with BOM, so that Excel on Chinese Windows opens it correctly) or .xlsx by extension. */
    public static void write(Path file, List<String> headers, List<List<String>> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (isExcel(file)) {
                XlsxTables.write(file, "data", headers, rows);
                return;
            }
            StringBuilder sb = new StringBuilder("\uFEFF");
            sb.append(Csv.line(headers)).append("\r\n");
            for (List<String> row : rows) {
                sb.append(Csv.line(row)).append("\r\n");
            }
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getCause().getMessage());
        }
    }
}
