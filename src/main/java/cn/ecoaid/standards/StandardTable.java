package cn.ecoaid.standards;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of a standard, shipped as a CSV resource under {@code cn/ecoaid/standards/}. The file starts with metadata
 * lines {@code # key: value} — at least {@code standard} (its number, e.g. "HJ 633-2026"), {@code clause} (table or
 * clause), {@code valid_from} (ISO date) and optionally {@code valid_until} (exclusive, ISO date) and {@code source} —
 * followed by a CSV header and rows.
 */
public record StandardTable(String resource, Map<String, String> meta, Table data) {

    public String standard() {
        return meta.get("standard");
    }

    public String clause() {
        return meta.getOrDefault("clause", "");
    }

    public LocalDate validFrom() {
        String v = meta.get("valid_from");
        return v == null || v.isBlank() ? LocalDate.MIN : LocalDate.parse(v.strip());
    }

    /** Exclusive end of validity; {@link LocalDate#MAX} when still in force. */
    public LocalDate validUntil() {
        String v = meta.get("valid_until");
        return v == null || v.isBlank() ? LocalDate.MAX : LocalDate.parse(v.strip());
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom()) && date.isBefore(validUntil());
    }

    /** Loads a table from the classpath, e.g. {@code "air/hj633-2026-iaqi.csv"} under {@code cn/ecoaid/standards/}. */
    public static StandardTable load(String resource) {
        String path = "/cn/ecoaid/standards/" + resource;
        try (InputStream in = StandardTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new EcoAidException("error.standard.missing", resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> meta = new LinkedHashMap<>();
            List<String> body = new ArrayList<>();
            for (String line : text.split("\\R")) {
                if (line.startsWith("#")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        meta.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
                    }
                } else {
                    body.add(line);
                }
            }
            if (!meta.containsKey("standard")) {
                throw new EcoAidException("error.standard.noNumber", resource);
            }
            return new StandardTable(resource, Map.copyOf(meta), TableFiles.fromCsv(String.join("\n", body)));
        } catch (IOException e) {
            throw new EcoAidException(e, "error.standard.missing", resource);
        }
    }

    /**
     * Picks the version in force on {@code date} among tables of the same family, or the one whose standard number
     * equals {@code override} (spaces and case ignored) when an override is given.
     */
    public static StandardTable pick(List<StandardTable> versions, LocalDate date, String override) {
        if (override != null && !override.isBlank() && !"auto".equalsIgnoreCase(override.strip())) {
            String wanted = normalise(override);
            return versions.stream().filter(t -> normalise(t.standard()).equals(wanted)).findFirst()
                    .orElseThrow(() -> new EcoAidException("error.standard.unknown", override));
        }
        Optional<StandardTable> inForce = versions.stream().filter(t -> t.validOn(date)).findFirst();
        return inForce.orElseThrow(() -> new EcoAidException("error.standard.noneInForce", date));
    }

    static String normalise(String standardNumber) {
        return standardNumber.replace(" ", "").replace("—", "-").replace("–", "-").toUpperCase(java.util.Locale.ROOT);
    }
}
