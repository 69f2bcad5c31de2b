package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source classification tree: first-level categories (level 0 here, "第一级" in the 2017 manual) with their
 * sub-categories, and for each first-level category the definition of the four levels below it (sub-sector/activity,
 * fuel/product, technology, control; the level-4 source is the accounting unit). Shipped trees come from standard
 * tables; users edit copies with {@link #withNode}.
 */
public final class SourceTree {
    /** A node; {@code levelDefinitions} holds the wording of levels 1–4 for a first-level category (else empty). */
    public record Node(String code, String name, int level, String parentCode, List<String> levelDefinitions) {
        public Node {
            levelDefinitions = List.copyOf(levelDefinitions);
        }
    }

    private final String id;
    private final String document;
    private final String clause;
    private final String status;
    private final Map<String, Node> byCode;

    public SourceTree(String id, String document, String clause, String status, List<Node> nodes) {
        this.id = id;
        this.document = document;
        this.clause = clause;
        this.status = status;
        this.byCode = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (byCode.put(n.code(), n) != null) {
                throw new EcoAidException("inventory.error.duplicateNode", id, n.code());
            }
        }
    }

    public String id() {
        return id;
    }

    public String document() {
        return document;
    }

    public String clause() {
        return clause;
    }

    /** OFFICIAL-TEXT, SECONDARY, DERIVED or USER. */
    public String status() {
        return status;
    }

    public List<Node> nodes() {
        return List.copyOf(byCode.values());
    }

    public List<Node> roots() {
        return byCode.values().stream().filter(n -> n.parentCode().isEmpty()).toList();
    }

    public List<Node> children(String code) {
        return byCode.values().stream().filter(n -> n.parentCode().equals(code)).toList();
    }

    public Optional<Node> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The first-level category with this name (or code), if any. */
    public Optional<Node> root(String nameOrCode) {
        String s = nameOrCode == null ? "" : nameOrCode.strip();
        return roots().stream().filter(n -> n.name().equals(s) || n.code().equals(s)).findFirst();
    }

    /** The node named {@code name} under parent {@code parentCode}, if any. */
    public Optional<Node> child(String parentCode, String name) {
        String s = name == null ? "" : name.strip();
        return children(parentCode).stream().filter(n -> n.name().equals(s) || n.code().equals(s)).findFirst();
    }

    /** A copy with one more node (an edit by the user); the parent must exist unless the node is a root. */
    public SourceTree withNode(String code, String name, String parentCode) {
        String parent = parentCode == null ? "" : parentCode;
        int level = 0;
        if (!parent.isEmpty()) {
            Node p = byCode(parent).orElseThrow(() -> new EcoAidException("inventory.error.unknownNode", id, parent));
            level = p.level() + 1;
        }
        List<Node> nodes = new ArrayList<>(byCode.values());
        nodes.add(new Node(code, name, level, parent, List.of()));
        return new SourceTree(id, document, clause, "USER", nodes);
    }

    /** The eight first-level categories of T/CSES 144—2024 with their level definitions (3a and 3b as children of 3). */
    public static SourceTree tcses144() {
        StandardTable t = StandardTable.load("inventory/tcses144-2024-classification.csv");
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> roots = new LinkedHashMap<>();
        for (Table.Row r : t.data().rows()) {
            String no = r.get(0);
            String name = r.get(1);
            List<String> defs = List.of(r.get(2), r.get(3), r.get(4), r.get(5));
            if (no.endsWith("a") || no.endsWith("b")) {
                String parent = no.substring(0, no.length() - 1);
                if (!roots.containsKey(parent)) {
                    roots.put(parent, nodes.size());
                    nodes.add(new Node(parent, "移动源和油品储运销", 0, "", List.of()));
                }
                nodes.add(new Node(no, name, 1, parent, defs));
            } else {
                roots.put(no, nodes.size());
                nodes.add(new Node(no, name, 0, "", defs));
            }
        }
        return new SourceTree("tcses144-2024", t.standard(), t.clause(), t.meta().getOrDefault("status", ""), nodes);
    }

    /** The ten first-level categories of the 2017 city manual and their 37 second-level sub-sectors (SECONDARY). */
    public static SourceTree city2017() {
        StandardTable t = StandardTable.load("inventory/city2017-classification-SECONDARY.csv");
        List<Node> nodes = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Table.Row r : t.data().rows()) {
            String l1 = r.get(0);
            if (seen.putIfAbsent(l1, Boolean.TRUE) == null) {
                nodes.add(new Node(l1, r.get(1), 0, "", List.of()));
            }
            String name = r.get(3).replaceAll("\\s*\\(.*\\)$", "");
            nodes.add(new Node(r.get(2), name, 1, l1, List.of()));
        }
        return new SourceTree("city2017", t.standard(), t.clause(), t.meta().getOrDefault("status", ""), nodes);
    }
}
