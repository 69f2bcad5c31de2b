package cn.ecoaid.library;

import cn.ecoaid.inventory.Pollutant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Offline search in library rows, in Chinese or English: every word of the query must occur in some cell of the row
 * (any case, full or half width), either as written or as one of its equivalents in the other language — pollutant
 * names (二氧化硫 = SO2), provinces (湖北 = Hubei) and the technical terms of {@code synonyms.txt} (脱硫 = FGD).
 */
public final class LibrarySearch {
    private static final Map<String, Set<String>> SYNONYMS = load();
    private static final List<String[]> PROVINCES = provinces();

    private LibrarySearch() {
    }

    /** Text as compared: NFKC (full-width to half-width), lower case, single spaces. */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** The words of a query; a query in quotes is one phrase. */
    static List<String> words(String query) {
        String q = normalise(query);
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.length() > 1 && q.startsWith("\"") && q.endsWith("\"")) {
            return List.of(q.substring(1, q.length() - 1));
        }
        return List.of(q.split(" "));
    }

    /** The forms a word is matched in: itself and its equivalents in the other language. */
    public static Set<String> forms(String word) {
        String w = normalise(word);
        Set<String> out = new LinkedHashSet<>();
        out.add(w);
        out.addAll(SYNONYMS.getOrDefault(w, Set.of()));
        return out;
    }

    /** Whether every word of {@code query} occurs in some cell of {@code cells}; an empty query matches everything. */
    public static boolean matches(List<String> cells, String query) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return true;
        }
        StringBuilder text = new StringBuilder();
        for (String c : cells) {
            text.append(normalise(c)).append('\u0001');
        }
        String all = text.toString();
        for (String w : words) {
            boolean hit = all.contains(w);
            for (String f : forms(w)) {
                if (!hit && !f.equals(w) && occurs(all, f)) {
                    hit = true;
                }
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /**
     * An equivalent occurs in the text; short Latin equivalents ("co", "tp") only as whole words, so that 一氧化碳 does
     * not find "cost".
     */
    private static boolean occurs(String text, String form) {
        if (form.length() > 3 || !form.chars().allMatch(c -> c < 128)) {
            return text.contains(form);
        }
        int from = 0;
        while (true) {
            int i = text.indexOf(form, from);
            if (i < 0) {
                return false;
            }
            int end = i + form.length();
            boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) >= 128;
            boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) >= 128;
            if (before && after) {
                return true;
            }
            from = i + 1;
        }
    }

    /** The rows of {@code content} matching {@code query}, in file order. */
    public static List<List<String>> search(LibraryContent content, String query) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : content.rows()) {
            if (matches(r, query)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A province-level division by its Chinese (with or without 省/市/自治区…) or English name: {zh, en}. */
    public static Optional<String[]> province(String name) {
        String n = normalise(name);
        for (String[] p : PROVINCES) {
            if (n.equals(p[1].toLowerCase(Locale.ROOT)) || n.startsWith(p[0])) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(LibrarySearch.class.getResourceAsStream("/cn/ecoaid/library/" + name), name);
    }

    private static List<String[]> provinces() {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = resource("provinces.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#") || line.equals("zh,en")) {
                    continue;
                }
                String[] p = line.split(",", 2);
                out.add(new String[] {p[0].strip(), p[1].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static Map<String, Set<String>> load() {
        List<List<String>> groups = new ArrayList<>();
        try (InputStream in = resource("synonyms.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> g = new ArrayList<>();
                for (String s : line.split("\\|")) {
                    g.add(normalise(s));
                }
                groups.add(g);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Pollutant p : Pollutant.values()) {
            List<String> g = new ArrayList<>();
            g.add(normalise(p.label()));
            p.aliases().forEach(a -> g.add(normalise(a)));
            groups.add(g);
        }
        for (String[] p : provinces()) {
            groups.add(List.of(normalise(p[0]), normalise(p[1])));
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (List<String> g : groups) {
            for (String w : g) {
                Set<String> forms = out.computeIfAbsent(w, k -> new LinkedHashSet<>());
                for (String o : g) {
                    if (!o.equals(w)) {
                        forms.add(o);
                    }
                }
            }
        }
        return out;
    }
}
