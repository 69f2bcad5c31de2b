package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** GB 3838-2002 表1 loaded from {@code cn/ecoaid/standards/water/gb3838-2002-table1.csv}. */
public final class Gb3838 {
    public static final String RESOURCE = "water/gb3838-2002-table1.csv";
    private static volatile Gb3838 shipped;

    private final StandardTable table;
    private final List<StandardItem> items;
    private final java.util.Map<WaterBodyType, List<StandardItem>> evaluation = new java.util.EnumMap<>(WaterBodyType.class);

    public Gb3838(StandardTable table) {
        this.table = table;
        Table t = table.data();
        List<String> h = t.headers().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        List<StandardItem> list = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            String dirText = r.get(h.indexOf("direction"));
            StandardItem.Direction dir = StandardItem.Direction.valueOf(dirText.toUpperCase(Locale.ROOT));
            double[] limits = new double[5];
            double low = Double.NaN;
            double high = Double.NaN;
            if (dir == StandardItem.Direction.RANGE) {
                String[] range = r.get(h.indexOf("i")).split("-");
                low = Double.parseDouble(range[0].strip());
                high = Double.parseDouble(range[1].strip());
                java.util.Arrays.fill(limits, Double.NaN);
            } else {
                String[] cols = {"i", "ii", "iii", "iv", "v"};
                for (int i = 0; i < 5; i++) {
                    limits[i] = Double.parseDouble(r.get(h.indexOf(cols[i])));
                }
            }
            list.add(new StandardItem(Integer.parseInt(r.get(h.indexOf("item_no"))), r.get(h.indexOf("code")),
                    r.get(h.indexOf("name_zh")), r.get(h.indexOf("name_en")), r.get(h.indexOf("unit")), dir,
                    r.get(h.indexOf("water_body")), limits, low, high, "yes".equalsIgnoreCase(r.get(h.indexOf("evaluated")))));
        }
        this.items = Collections.unmodifiableList(list);
        for (WaterBodyType type : WaterBodyType.values()) {
            List<StandardItem> eval = new ArrayList<>();
            for (StandardItem i : items) {
                if (i.evaluated() && item(i.code(), type).filter(x -> x == i).isPresent()) {
                    eval.add(i);
                }
            }
            evaluation.put(type, List.copyOf(eval));
        }
    }

    /** The table shipped with the workbench. */
    public static Gb3838 shipped() {
        Gb3838 g = shipped;
        if (g == null) {
            g = new Gb3838(StandardTable.load(RESOURCE));
            shipped = g;
        }
        return g;
    }

    public String standard() {
        return table.standard();
    }

    public String clause() {
        return table.clause();
    }

    /** Every row of the table (TP twice: river and lake). */
    public List<StandardItem> allRows() {
        return items;
    }

    /** The row of an item for a water body (TP and TN depend on it); empty when the code is not in 表1. */
    public Optional<StandardItem> item(String code, WaterBodyType type) {
        String wanted = type == WaterBodyType.LAKE ? "lake" : "river";
        Optional<StandardItem> specific = items.stream()
                .filter(i -> i.code().equalsIgnoreCase(code) && i.waterBody().equalsIgnoreCase(wanted)).findFirst();
        if (specific.isPresent()) {
            return specific;
        }
        return items.stream().filter(i -> i.code().equalsIgnoreCase(code) && i.waterBody().equalsIgnoreCase("all")).findFirst();
    }

    /** The 21 evaluation items of the 2011 rules for a water body, in table order. */
    public List<StandardItem> evaluationItems(WaterBodyType type) {
        return evaluation.get(type);
    }

    /** Class of one value of an item; throws when the item has no class limits for this water body. */
    public WaterClass classify(String code, double value, WaterBodyType type) {
        return item(code, type).orElseThrow(() -> new EcoAidException("water.error.noLimit", code)).classify(value);
    }
}
