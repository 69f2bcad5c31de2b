package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import java.util.Locale;

/** River or lake/reservoir: decides the TP limits of GB 3838-2002 and whether the trophic state applies. */
public enum WaterBodyType {
    RIVER, LAKE;

    /** Accepts river/河流/河/stream and lake/reservoir/湖/库/湖库/湖泊/水库. */
    public static WaterBodyType parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("river") || s.equals("stream") || s.contains("河") || s.contains("江") || s.equals("r")) {
            return RIVER;
        }
        if (s.equals("lake") || s.equals("reservoir") || s.equals("lake-reservoir") || s.contains("湖") || s.contains("库")
                || s.equals("l")) {
            return LAKE;
        }
        throw new EcoAidException("water.error.badWaterBody", text);
    }
}
