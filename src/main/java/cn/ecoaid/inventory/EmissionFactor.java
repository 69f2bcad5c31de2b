package cn.ecoaid.inventory;

import java.util.List;

/**
 * An emission (generation) factor with its provenance. {@code path} holds the classification levels it applies to
 * (first-level category, level 1, level 2, level 3); an empty level matches anything. A mass-balance factor
 * ({@code massBalance}, "物料衡算" in the tables) has no value: it is computed from the coal's sulphur and ash.
 *
 * @param status OFFICIAL-TEXT, OFFICIAL-DATABASE, SECONDARY or USER
 * @param user   whether the user supplied it (user factors win over shipped ones of equal specificity)
 */
public record EmissionFactor(String id, Pollutant pollutant, double value, Units.FactorUnit unit, List<String> path,
        String region, String document, String clause, String status, boolean user, double ciLower, double ciUpper,
        boolean massBalance) {

    public EmissionFactor {
        String[] p = new String[4];
        for (int i = 0; i < 4; i++) {
            p[i] = i < path.size() && path.get(i) != null ? path.get(i).strip() : "";
        }
        path = List.of(p);
        region = region == null ? "" : region.strip();
    }

    /** Number of levels the factor names (more is more specific). */
    public int specificity() {
        int n = 0;
        for (String s : path) {
            if (!s.isEmpty()) {
                n++;
            }
        }
        return n + (region.isEmpty() ? 0 : 1);
    }

    public boolean matches(Activity a) {
        for (int i = 0; i < 4; i++) {
            String p = path.get(i);
            if (!p.isEmpty() && !p.equals(a.path().get(i))) {
                return false;
            }
        }
        return region.isEmpty() || region.equals(a.region()) || region.equals(a.county());
    }

    /** The reference kept with every result. */
    public FactorRef ref() {
        return new FactorRef(id, value, unit == null ? "" : unit.text(), document, clause, status);
    }
}
