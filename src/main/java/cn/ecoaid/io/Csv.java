package cn.ecoaid.io;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with doubled quotes, embedded separators and line breaks; CRLF or LF. */
public final class Csv {
    private Csv() {
    }

    /** A parsed record and the 1-based line on which it started. */
    public record Record(int line, List<String> cells) {
    }

    /** Guesses the separator from the first line: tab or semicolon when they outnumber commas, else comma. */
    public static char guessSeparator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semis = first.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas) {
            return ';';
        }
        return ',';
    }

    /** Parses the whole text. Blank lines are skipped. */
    public static List<Record> parse(String text, char separator) {
        List<Record> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean anyContent = false;
        int line = 1;
        int recordLine = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                anyContent = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                anyContent = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (anyContent || cell.length() > 0) {
                    cells.add(cell.toString());
                    out.add(new Record(recordLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                anyContent = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                anyContent = true;
            }
        }
        if (anyContent || cell.length() > 0) {
            cells.add(cell.toString());
            out.add(new Record(recordLine, List.copyOf(cells)));
        }
        return out;
    }

    /** Formats one field, quoting it when needed. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Formats one line (without line break). */
    public static String line(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values.get(i)));
        }
        return sb.toString();
    }
}
