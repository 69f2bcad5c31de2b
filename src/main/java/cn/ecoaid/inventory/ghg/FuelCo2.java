package cn.ecoaid.inventory.ghg;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.standards.StandardTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CO2 factors of fossil fuels from default parameters (GB/T 32151.22—2024 Table C.1, SECONDARY transcription):
 * EF = NCV × CC × OF × 44/12, in t CO2 per activity unit (t or 10⁴ Nm³), with NCV in GJ per unit, CC in t C/TJ and
 * OF the oxidation rate.
 */
public final class FuelCo2 {
    /** Parameters of one fuel. */
    public record Fuel(String name, String activityUnit, double ncvGjPerUnit, double carbonTcPerTj, double oxidation) {
        /** t CO2 per activity unit. */
        public double tCo2PerUnit() {
            return ncvGjPerUnit * carbonTcPerTj / 1000.0 * oxidation * 44.0 / 12.0;
        }
    }

    private final Map<String, Fuel> fuels = new LinkedHashMap<>();
    private final StandardTable source;

    private FuelCo2() {
        source = StandardTable.load("inventory/ghg/gbt32151.22-2024-tableC1-fuels-SECONDARY.csv");
        for (Table.Row r : source.data().rows()) {
            fuels.put(r.get(1), new Fuel(r.get(1), r.get(2), Double.parseDouble(r.get(3)), Double.parseDouble(r.get(4)),
                    Double.parseDouble(r.get(5)) / 100.0));
        }
    }

    private static final FuelCo2 SHIPPED = new FuelCo2();

    public static FuelCo2 shipped() {
        return SHIPPED;
    }

    public StandardTable source() {
        return source;
    }

    public Fuel fuel(String name) {
        Fuel f = fuels.get(name.strip());
        if (f == null) {
            throw new EcoAidException("ghg.error.unknownFuel", name);
        }
        return f;
    }

    public Map<String, Fuel> fuels() {
        return Map.copyOf(fuels);
    }
}
