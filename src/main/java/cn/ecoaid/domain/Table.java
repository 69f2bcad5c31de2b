package cn.ecoaid.domain;

import java.util.List;

/**
 * A rectangular table read from a CSV or Excel file: the header row and the data rows, each with its 1-based row number
 * in the file (the header is row 1 in a file without leading blank lines).
 */
public record Table(List<String> headers, List<Row> rows) {
    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    public record Row(int number, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The trimmed cell at {@code index}, or "" when the row is shorter. */
        public String get(int index) {
            if (index < 0 || index >= cells.size()) {
                return "";
            }
            String v = cells.get(index);
            return v == null ? "" : v.strip();
        }
    }
}
