package cn.ecoaid.solution;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A measure of the solution: what is done (name, type), to which sector and sources, by whom (owner = responsible
 * unit), when (start, end), at what cost (10⁴ yuan, 万元), the expected reduction per pollutant (t/a, keyed by pollutant
 * label such as "PM2.5", "NOx"), the inventory scenario it was estimated in (may be empty), its status and the
 * indicators that track it.
 */
public record Measure(String id, String packageId, String name, MeasureType type, String sector, String sources,
                      String owner, LocalDate start, LocalDate end, Double cost, Map<String, Double> reductions,
                      String scenario, MeasureStatus status, List<String> indicators) {
    public Measure {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name.strip();
        sector = sector == null ? "" : sector.strip();
        sources = sources == null ? "" : sources.strip();
        owner = owner == null ? "" : owner.strip();
        scenario = scenario == null ? "" : scenario.strip();
        status = status == null ? MeasureStatus.PLANNED : status;
        reductions = reductions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(reductions));
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public Measure withStatus(MeasureStatus s) {
        return new Measure(id, packageId, name, type, sector, sources, owner, start, end, cost, reductions, scenario, s, indicators);
    }

    public Measure withPackageId(String p) {
        return new Measure(id, p, name, type, sector, sources, owner, start, end, cost, reductions, scenario, status, indicators);
    }
}
