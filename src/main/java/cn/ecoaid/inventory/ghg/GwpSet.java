package cn.ecoaid.inventory.ghg;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;

/** 100-year GWP sets of the IPCC assessment reports; the column of each in the GWP table. */
public enum GwpSet {
    SAR("SARGWP100"), TAR("TARGWP100"), AR4("AR4GWP100"), AR5("AR5GWP100"), AR6("AR6GWP100");

    private final String column;

    GwpSet(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static GwpSet parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EcoAidException("ghg.error.unknownGwpSet", text);
        }
    }
}
