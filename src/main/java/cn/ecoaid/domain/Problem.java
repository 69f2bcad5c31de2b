package cn.ecoaid.domain;

import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with one cell or row of an input: 1-based row as the user sees it in the file (the header is row 1),
 * the column header as written in the file (empty when the whole row is meant), and a reason key with arguments.
 */
public record Problem(int row, String column, String reasonKey, List<Object> args) {
    public Problem {
        column = column == null ? "" : column;
        args = List.copyOf(args);
    }

    public static Problem of(int row, String column, String reasonKey, Object... args) {
        return new Problem(row, column, reasonKey, Arrays.asList(args));
    }
}
