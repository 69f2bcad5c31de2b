package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pollutants of a city inventory (T/CSES 144—2024 §4: SO2, NOx, CO, VOCs, NH3, PM10, PM2.5, BC, OC), CO2 where the user
 * adds it, and TSP for EMEP/EEA factors. SOx of the EMEP/EEA Guidebook is expressed as SO2 and NMVOC is read as VOCs.
 */
public enum Pollutant {
    SO2("SO2", "SOx", "SO₂", "二氧化硫"),
    NOX("NOx", "NOx as NO2", "氮氧化物", "NO2"),
    CO("CO", "一氧化碳"),
    VOCS("VOCs", "NMVOC", "VOC", "挥发性有机物"),
    NH3("NH3", "NH₃", "氨"),
    PM10("PM10", "可吸入颗粒物"),
    PM25("PM2.5", "PM25", "细颗粒物"),
    BC("BC", "黑碳"),
    OC("OC", "有机碳"),
    CO2("CO2", "CO₂", "二氧化碳"),
    TSP("TSP", "总悬浮颗粒物");

    private final String label;
    private final List<String> aliases;
    private static final Map<String, Pollutant> BY_NAME = new HashMap<>();

    static {
        for (Pollutant p : values()) {
            BY_NAME.put(key(p.label), p);
            BY_NAME.put(key(p.name()), p);
            for (String a : p.aliases) {
                BY_NAME.put(key(a), p);
            }
        }
    }

    Pollutant(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** Name as written in tables and output files, e.g. "PM2.5". */
    public String label() {
        return label;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The pollutant named by {@code text} (any alias, case and width ignored), if any. */
    public static Optional<Pollutant> find(String text) {
        return Optional.ofNullable(BY_NAME.get(key(text)));
    }

    /** Like {@link #find} but an unknown name is an error naming the record. */
    public static Pollutant parse(String text, String record) {
        return find(text).orElseThrow(() -> new EcoAidException("inventory.error.unknownPollutant", record, text));
    }

    private static String key(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT).replace(" ", "")
                .replace("_", "").replace("-", "");
    }
}
