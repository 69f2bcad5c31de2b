package cn.ecoaid.solution;

import java.util.List;
import java.util.Objects;

/**
 * A rendered live block: a titled table whose cells are typed ({@link String}, {@link Double}/{@link Long},
 * {@link java.time.LocalDate}), with a unit line, and how it was produced. When {@code chart} is true the report also
 * draws the numeric columns as a bar chart over the first column; when {@code table} is false (block parameter
 * {@code table=false}) the report shows only the chart.
 */
public record Block(String source, String title, List<String> headers, List<List<Object>> rows, boolean chart,
                    boolean table, Provenance provenance) {
    /** A block shown as a table (and as a chart when {@code chart}). */
    public Block(String source, String title, List<String> headers, List<List<Object>> rows, boolean chart,
                 Provenance provenance) {
        this(source, title, headers, rows, chart, true, provenance);
    }

    public Block {
        Objects.requireNonNull(source, "source");
        title = title == null ? "" : title;
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        provenance = provenance == null ? new Provenance("", "", "") : provenance;
    }
}
