package cn.ecoaid.solution;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A live block placed in a section: which {@link BlockSource} renders it ({@code source}, e.g. "sites"), its parameters
 * (e.g. {@code activities=inventory/2025.csv}) and whether the report draws it as a chart as well as a table.
 */
public record BlockRef(String source, Map<String, String> params, boolean chart) {
    public BlockRef {
        Objects.requireNonNull(source, "source");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }
}
