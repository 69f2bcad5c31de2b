package cn.ecoaid.pmf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Paths and loaders for the Baton Rouge fixtures (copied from ESAT, Apache-2.0). */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/pmf/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** A float32 matrix file as ESAT hands it to the solver: each value rounded to float, then widened. */
    static double[] float32(String name, int rows, int cols) {
        double[][] a = PmfFiles.readMatrix(file(name));
        double[] out = PmfFiles.flatten(a, rows, cols, name);
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) out[c];
        }
        return out;
    }

    /** The init files of model {@code model} (1-based): [W0, H0] paths. */
    static Path[] init(int model) {
        String prefix = String.format("init-model%02d-", model);
        try (Stream<Path> s = Files.list(file("trace"))) {
            List<Path> hits = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList());
            Path h = hits.stream().filter(p -> p.toString().endsWith("H0.csv")).findFirst().orElseThrow();
            Path w = hits.stream().filter(p -> p.toString().endsWith("W0.csv")).findFirst().orElseThrow();
            return new Path[] {w, h};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** runs.csv rows: model, seed, Qtrue, Qrobust, converged, iterations. */
    static List<String[]> runs() {
        try {
            List<String> lines = Files.readAllLines(file("esat-f6/runs.csv"));
            return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
