package cn.ecoaid.pmf;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;

/**
 * The optimisers: ESAT's multiplicative LS-NMF updates, weighted alternating NNLS (the default), or alternating NNLS
 * with restarts and factor re-seeding inside each model ({@link AlsSearch}: slower, deeper minima).
 */
public enum Method {
    LS_NMF("ls-nmf"), ALS("als"), ALS_DEEP("als-deep");

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
