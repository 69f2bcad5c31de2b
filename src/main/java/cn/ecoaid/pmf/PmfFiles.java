package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.Csv;
import cn.ecoaid.io.TableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PMF inputs in the EPA PMF 5.0 / ESAT layout (CSV or .xlsx): a header row, then one row per sample with the
 * date or sample id in the first column and one column per species; the uncertainty file has the same shape, samples
 * and species. Errors are typed ({@code pmf.error.*}) and name the file, row and column.
 */
public final class PmfFiles {
    private PmfFiles() {
    }

    /** Reads a concentration file and its uncertainty file. */
    public static PmfData read(Path conc, Path unc) {
        Table c = TableFiles.read(conc);
        Table u = TableFiles.read(unc);
        return fromTables(c, u, conc.getFileName().toString(), unc.getFileName().toString());
    }

    /** Builds the dataset from two tables; {@code concName}/{@code uncName} appear in error messages. */
    public static PmfData fromTables(Table c, Table u, String concName, String uncName) {
        List<String> species = speciesOf(c, concName);
        List<String> uSpecies = speciesOf(u, uncName);
        int m = species.size();
        List<Table.Row> cRows = dataRows(c);
        List<Table.Row> uRows = dataRows(u);
        if (uSpecies.size() != m || uRows.size() != cRows.size()) {
            throw new EcoAidException("pmf.error.shape", concName, cRows.size(), m, uncName, uRows.size(),
                    uSpecies.size());
        }
        for (int j = 0; j < m; j++) {
            if (!species.get(j).equalsIgnoreCase(uSpecies.get(j))) {
                throw new EcoAidException("pmf.error.speciesMismatch", j + 2, species.get(j), uSpecies.get(j));
            }
        }
        int n = cRows.size();
        if (n == 0) {
            throw new EcoAidException("pmf.error.noSamples", concName);
        }
        List<String> samples = new ArrayList<>(n);
        double[] x = new double[n * m];
        double[] s = new double[n * m];
        for (int i = 0; i < n; i++) {
            Table.Row cr = cRows.get(i);
            Table.Row ur = uRows.get(i);
            samples.add(cr.get(0));
            for (int j = 0; j < m; j++) {
                x[i * m + j] = number(cr, j + 1, concName, c.headers());
                double uv = number(ur, j + 1, uncName, u.headers());
                if (uv < 0) {
                    throw new EcoAidException("pmf.error.negativeUncertainty", uncName, ur.number(),
                            header(u.headers(), j + 1), uv);
                }
                s[i * m + j] = uv;
            }
        }
        return new PmfData(samples, species, x, s);
    }

    static List<String> speciesOf(Table t, String name) {
        List<String> headers = new ArrayList<>(t.headers());
        while (!headers.isEmpty() && (headers.get(headers.size() - 1) == null || headers.get(headers.size() - 1).isBlank())) {
            headers.remove(headers.size() - 1);
        }
        if (headers.size() < 2) {
            throw new EcoAidException("pmf.error.noSpecies", name);
        }
        List<String> species = new ArrayList<>();
        for (int j = 1; j < headers.size(); j++) {
            String h = headers.get(j) == null ? "" : headers.get(j).strip();
            species.add(h.isEmpty() ? "#" + (j + 1) : h);
        }
        return species;
    }

    static List<Table.Row> dataRows(Table t) {
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            boolean blank = true;
            for (String cell : r.cells()) {
                if (cell != null && !cell.isBlank()) {
                    blank = false;
                    break;
                }
            }
            if (!blank) {
                rows.add(r);
            }
        }
        return rows;
    }

    static String header(List<String> headers, int col) {
        return col < headers.size() ? headers.get(col) : "#" + (col + 1);
    }

    static double number(Table.Row r, int col, String file, List<String> headers) {
        String text = r.get(col);
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException(text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new EcoAidException("pmf.error.notNumeric", file, r.number(), header(headers, col), text);
        }
    }

    /**
     * Reads a plain numeric matrix (as ESAT writes its W0/H0: no header, comma separated); a first row that is not
     * numeric is taken as a header and skipped.
     */
    public static double[][] readMatrix(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.read", file, e.getMessage());
        }
        List<Csv.Record> records = Csv.parse(text, Csv.guessSeparator(text));
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            List<String> cells = records.get(r).cells();
            if (cells.isEmpty() || cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            double[] row = new double[cells.size()];
            boolean header = false;
            for (int k = 0; k < cells.size(); k++) {
                try {
                    row[k] = Double.parseDouble(cells.get(k).strip());
                } catch (NumberFormatException e) {
                    if (rows.isEmpty()) {
                        header = true;
                        break;
                    }
                    throw new EcoAidException("pmf.error.notNumeric", file.getFileName(), records.get(r).line(),
                            "#" + (k + 1), cells.get(k));
                }
            }
            if (!header) {
                if (!rows.isEmpty() && rows.get(0).length != row.length) {
                    throw new EcoAidException("pmf.error.ragged", file.getFileName(), records.get(r).line());
                }
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** Reads a matrix written with a header row and a label in the first column (as ESAT's result files). */
    public static double[][] readMatrixWithRowLabels(Path file) {
        Table t = TableFiles.read(file);
        List<Table.Row> rows = dataRows(t);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Table.Row r = rows.get(i);
            out[i] = new double[t.headers().size() - 1];
            for (int k = 1; k < t.headers().size(); k++) {
                out[i][k - 1] = number(r, k, file.getFileName().toString(), t.headers());
            }
        }
        return out;
    }

    /** Flattens a matrix to row-major order, checking its shape. */
    public static double[] flatten(double[][] a, int rows, int cols, String what) {
        if (a.length != rows || (rows > 0 && a[0].length != cols)) {
            throw new EcoAidException("pmf.error.initShape", what, a.length, a.length == 0 ? 0 : a[0].length, rows,
                    cols);
        }
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a[i], 0, out, i * cols, cols);
        }
        return out;
    }
}
