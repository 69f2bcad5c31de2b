package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;

/** The optimisers: ESAT's multiplicative LS-NMF updates, or weighted alternating NNLS (the default). */
public enum Method {
    LS_NMF("ls-nmf"), ALS("als");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Method parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.id.equals(t) || m.name().equalsIgnoreCase(t)) {
                return m;
            }
        }
        throw new EcoAidException("pmf.error.method", text);
    }
}
