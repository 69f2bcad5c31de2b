package cn.ecoaid.io;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds columns by any of their accepted names (Chinese or English, any case, full- or half-width, with or without a
 * unit in brackets: "PM2.5(µg/m³)", "经度（°）").
 */
public final class HeaderMap {
    private final List<String> headers;
    private final Map<String, Integer> byNormalised = new HashMap<>();

    public HeaderMap(List<String> headers) {
        this.headers = List.copyOf(headers);
        for (int i = 0; i < headers.size(); i++) {
            byNormalised.putIfAbsent(normalise(headers.get(i)), i);
        }
    }

    /** Column index of the first alias present, if any. */
    public Optional<Integer> find(List<String> aliases) {
        for (String alias : aliases) {
            Integer idx = byNormalised.get(normalise(alias));
            if (idx != null) {
                return Optional.of(idx);
            }
        }
        return Optional.empty();
    }

    /** The header text as written in the file. */
    public String header(int index) {
        return index >= 0 && index < headers.size() ? headers.get(index) : "";
    }

    public List<String> headers() {
        return headers;
    }

    /** NFKC (full-width to half-width), lower case, unit suffix in brackets removed, spaces and underscores removed. */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        int bracket = indexOfAny(s, "([");
        if (bracket > 0) {
            s = s.substring(0, bracket);
        }
        return s.replace(" ", "").replace("_", "").replace("-", "");
    }

    private static int indexOfAny(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
