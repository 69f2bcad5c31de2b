package cn.ecoaid.inventory.ghg;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** GWP100 values of every gas in each IPCC set (resource inventory/ghg/gwp.csv); CO2 is 1 by definition. */
public final class GwpTable {
    private final Map<String, Map<GwpSet, Double>> values = new HashMap<>();
    private final StandardTable source;

    private GwpTable(StandardTable t) {
        this.source = t;
        List<String> headers = t.data().headers();
        for (Table.Row r : t.data().rows()) {
            Map<GwpSet, Double> m = new HashMap<>();
            for (GwpSet s : GwpSet.values()) {
                int c = headers.indexOf(s.column());
                String v = r.get(c);
                if (!v.isEmpty()) {
                    m.put(s, Double.parseDouble(v));
                }
            }
            values.put(key(r.get(0)), m);
        }
    }

    private static final GwpTable SHIPPED = new GwpTable(StandardTable.load("inventory/ghg/gwp.csv"));

    public static GwpTable shipped() {
        return SHIPPED;
    }

    public StandardTable source() {
        return source;
    }

    /** GWP100 of a gas ("CH4", "N2O", "HFC-134a", "SF6" …) in a set; a gas without a value in that set is an error. */
    public double gwp(String gas, GwpSet set) {
        String k = key(gas);
        if (k.equals("co2")) {
            return 1.0;
        }
        Map<GwpSet, Double> m = values.get(k);
        if (m == null) {
            throw new EcoAidException("ghg.error.unknownGas", gas);
        }
        Double v = m.get(set);
        if (v == null) {
            throw new EcoAidException("ghg.error.noGwp", gas, set.name());
        }
        return v;
    }

    static String key(String gas) {
        return Normalizer.normalize(gas, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT).replace("-", "")
                .replace(" ", "").replace("_", "");
    }
}
