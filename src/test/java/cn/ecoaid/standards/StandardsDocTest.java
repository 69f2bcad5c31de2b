package cn.ecoaid.standards;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/standards.md lists every standard table the application ships, so the page stays complete. */
class StandardsDocTest {
    @Test
    void everyStandardTableIsListedInTheDocs() throws Exception {
        Path root = Path.of("src/main/resources/cn/ecoaid/standards");
        String doc = Files.readString(Path.of("docs/standards.md"));
        List<String> missing;
        try (Stream<Path> files = Files.walk(root)) {
            missing = files.filter(p -> p.toString().endsWith(".csv"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !doc.contains(rel) && !doc.contains(rel.substring(rel.lastIndexOf('/') + 1)))
                    .toList();
        }
        assertTrue(missing.isEmpty(), "standard tables missing from docs/standards.md: " + missing);
    }
}
