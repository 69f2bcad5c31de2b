package cn.ecoaid.inventory;

import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a source of the 2017 manual's tree (first and second level) to a first-level category of T/CSES 144—2024.
 * Where no single target can be justified (e.g. biomass boilers, "other solvent use") the mapping is empty and the user
 * must choose.
 */
public final class CategoryMapping {
    /** One row: 2017 level 1 and level 2 ("*" = every sub-sector), target category (+ sub-category), reason. */
    public record Rule(String fromL1, String fromL2, String toL1, String toSub, String reason) {
    }

    /** A justified target. */
    public record Target(String category, String subCategory, String reason) {
    }

    private final List<Rule> rules;
    private final StandardTable source;

    private CategoryMapping(List<Rule> rules, StandardTable source) {
        this.rules = List.copyOf(rules);
        this.source = source;
    }

    public static CategoryMapping city2017ToTcses144() {
        StandardTable t = StandardTable.load("inventory/classification-map-city2017-to-tcses144.csv");
        List<Rule> rules = new ArrayList<>();
        for (Table.Row r : t.data().rows()) {
            rules.add(new Rule(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
        }
        return new CategoryMapping(rules, t);
    }

    public List<Rule> rules() {
        return rules;
    }

    public StandardTable source() {
        return source;
    }

    /** The T/CSES 144 category of a 2017 source, or empty when none can be justified or the names are unknown. */
    public Optional<Target> map(String l1, String l2) {
        Rule exact = null;
        Rule wildcard = null;
        for (Rule r : rules) {
            if (r.fromL1().equals(l1.strip())) {
                if (r.fromL2().equals(l2 == null ? "" : l2.strip())) {
                    exact = r;
                } else if (r.fromL2().equals("*")) {
                    wildcard = r;
                }
            }
        }
        Rule r = exact != null ? exact : wildcard;
        if (r == null || r.toL1().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target(r.toL1(), r.toSub(), r.reason()));
    }

    /** The T/CSES category of a whole 2017 first-level category, when every sub-sector maps to the same one. */
    public Optional<String> mapFirstLevel(String l1) {
        List<String> targets = rules.stream().filter(r -> r.fromL1().equals(l1.strip())).map(Rule::toL1).distinct().toList();
        return targets.size() == 1 && !targets.get(0).isEmpty() ? Optional.of(targets.get(0)) : Optional.empty();
    }
}
