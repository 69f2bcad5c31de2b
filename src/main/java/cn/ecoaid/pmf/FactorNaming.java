package cn.ecoaid.pmf;

import cn.ecoaid.io.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Factor-naming aid: an editable table of marker species per source type ({@code cn/ecoaid/pmf/markers.csv}: domain
 * pm25 or voc, source, Chinese name, markers separated by {@code ;}, aliases of one marker by {@code |}). A factor is
 * scored against a source by the mean % of species the factor holds for the source's markers present in the data;
 * suggestions are the sources scoring at least {@code minPercent}, best first, with each marker's % as the evidence.
 * The user confirms or renames; nothing is named automatically.
 */
public final class FactorNaming {
    public record Source(String domain, String name, String nameZh, List<List<String>> markers) {
    }

    /** One marker's evidence: the data's species name and the factor's % of that species. */
    public record Evidence(String species, double percent) {
    }

    public record Suggestion(int factor, Source source, double score, List<Evidence> evidence) {
    }

    private final List<Source> sources;

    public FactorNaming(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<Source> sources() {
        return sources;
    }

    /** The shipped table. */
    public static FactorNaming shipped() {
        try (InputStream in = FactorNaming.class.getResourceAsStream("/cn/ecoaid/pmf/markers.csv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a marker table in the shipped format (so users can edit a copy). */
    public static FactorNaming parse(String text) {
        List<Csv.Record> rows = Csv.parse(text, ',');
        List<Source> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> c = rows.get(r).cells();
            if (c.size() < 4) {
                continue;
            }
            List<List<String>> markers = new ArrayList<>();
            for (String m : c.get(3).split(";")) {
                List<String> aliases = new ArrayList<>();
                for (String a : m.split("\\|")) {
                    if (!a.isBlank()) {
                        aliases.add(a.strip());
                    }
                }
                if (!aliases.isEmpty()) {
                    markers.add(aliases);
                }
            }
            out.add(new Source(c.get(0).strip(), c.get(1).strip(), c.get(2).strip(), markers));
        }
        return new FactorNaming(out);
    }

    /** Suggestions for every factor of {@code r}, for sources of {@code domain} (pm25, voc, or null for all). */
    public List<Suggestion> suggest(PmfResults r, String domain, double minPercent) {
        List<String> species = r.species();
        List<String> keys = species.stream().map(FactorNaming::key).toList();
        List<Suggestion> out = new ArrayList<>();
        for (int k = 0; k < r.solution().p(); k++) {
            List<Suggestion> forFactor = new ArrayList<>();
            for (Source s : sources) {
                if (domain != null && !s.domain().equalsIgnoreCase(domain)) {
                    continue;
                }
                List<Evidence> ev = new ArrayList<>();
                for (List<String> marker : s.markers()) {
                    int j = -1;
                    for (String alias : marker) {
                        j = keys.indexOf(key(alias));
                        if (j >= 0) {
                            break;
                        }
                    }
                    if (j >= 0) {
                        ev.add(new Evidence(species.get(j), r.percentOfSpecies(k, j)));
                    }
                }
                if (ev.isEmpty()) {
                    continue;
                }
                double score = ev.stream().mapToDouble(Evidence::percent).average().orElse(0);
                if (score >= minPercent) {
                    forFactor.add(new Suggestion(k, s, score, ev));
                }
            }
            forFactor.sort(Comparator.comparingDouble(Suggestion::score).reversed());
            out.addAll(forFactor);
        }
        return out;
    }

    static String key(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
