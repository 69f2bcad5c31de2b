package cn.ecoaid.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Both bundles have the same keys; every key the code uses exists; no key is unused; placeholders match.
 * Keys built at run time (from an enum name, say) must start with one of {@link #DYNAMIC_PREFIXES}; each such family
 * is checked against its enum in the test of that enum.
 */
class BundleConsistencyTest {
    /** Key families whose members are composed at run time, e.g. "site.type." + type.name(). */
    static final Set<String> DYNAMIC_PREFIXES = Set.of(
            "site.type.", "crs.", "pmf.charts.kind.", "nav.", "role.", "topic.", "template.sites.note.", "sites.field.", "inventory.ui.col.",
            "water.status.", "water.trend.", "water.tli.", "water.bibi.grade.", "water.bibi.range.",
            "water.ui.col.", "water.ui.type.", "water.ui.group.", "water.ui.direction.",
            "solution.scope.", "solution.section.", "solution.measureType.", "solution.status.", "solution.direction.",
            "sync.role.", "pmf.ui.category.", "pmf.ui.method.", "pmf.ui.group.", "pmf.ui.mir.",
            "solution.ui.pub.", "library.kind.");

    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.-]+)\"");
    /** Literals such as "sites.xlsx" are file names, not keys. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(xlsx|xls|csv|json|png|docx|pdf|sql|txt|properties|ecoaid|css|fxml|ttc|ttf|gpkg|zip|geojson|kml|shp)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleConsistencyTest.class.getResourceAsStream("/cn/ecoaid/l10n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> keys(Properties p) {
        return p.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = keys(load("messages_zh_CN.properties"));
        Set<String> en = keys(load("messages.properties"));
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertTrue(onlyZh.isEmpty(), "keys only in zh_CN: " + onlyZh);
        assertTrue(onlyEn.isEmpty(), "keys only in en: " + onlyEn);
    }

    @Test
    void placeholdersMatch() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages.properties");
        Set<String> bad = new TreeSet<>();
        for (String key : keys(zh)) {
            if (en.getProperty(key) != null && !placeholders(zh.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
                bad.add(key);
            }
        }
        assertTrue(bad.isEmpty(), "placeholders differ between zh_CN and en: " + bad);
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        for (String file : new String[] {"messages_zh_CN.properties", "messages.properties"}) {
            Properties p = load(file);
            for (String key : keys(p)) {
                String v = p.getProperty(key);
                java.text.MessageFormat f = new java.text.MessageFormat(v);
                // A lone apostrophe swallows placeholders in MessageFormat: the formatted text must keep every {n}.
                if (!placeholders(v).isEmpty()) {
                    Object[] args = placeholders(v).stream().map(i -> (Object) ("ARG" + i)).toArray();
                    Object[] byIndex = new Object[placeholders(v).stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
                    for (int i = 0; i < byIndex.length; i++) {
                        byIndex[i] = "ARG" + i;
                    }
                    String out = f.format(byIndex);
                    for (int i : placeholders(v)) {
                        assertTrue(out.contains("ARG" + i), file + " " + key + " loses {" + i + "}: " + v + " (args " + args.length + ")");
                    }
                }
            }
        }
    }

    @Test
    void everyUsedKeyExistsAndNoneIsUnused() throws IOException {
        Set<String> defined = keys(load("messages_zh_CN.properties"));
        Set<String> prefixes = defined.stream().map(k -> k.substring(0, k.indexOf('.') + 1)).collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml"))::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = (f.toString().endsWith(".fxml") ? FXML_KEY : LITERAL).matcher(text);
                while (m.find()) {
                    String candidate = m.group(1);
                    if (FILE_NAME.matcher(candidate).matches()) {
                        continue;
                    }
                    if (prefixes.contains(candidate.substring(0, candidate.indexOf('.') + 1)) || defined.contains(candidate)) {
                        used.add(candidate);
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(defined);
        missing.removeIf(k -> DYNAMIC_PREFIXES.stream().anyMatch(p -> p.equals(k) || p.equals(k + ".")));
        assertTrue(missing.isEmpty(), "keys used in code but not in the bundles: " + missing);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        unused.removeIf(k -> DYNAMIC_PREFIXES.stream().anyMatch(k::startsWith));
        assertEquals(Set.of(), unused, "keys in the bundles that no code uses");
    }

    static Set<Integer> placeholders(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }
}
