package cn.ecoaid.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Base of every error the core reports to a user. It carries a message key and its arguments (data), never a
 * sentence: the UI and the command line turn it into text in the user's language ({@code l10n.ErrorText}).
 */
public class EcoAidException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient List<Object> args;

    public EcoAidException(String key, Object... args) {
        this(null, key, args);
    }

    public EcoAidException(Throwable cause, String key, Object... args) {
        super(key + Arrays.toString(args), cause);
        this.key = key;
        this.args = List.of(Arrays.stream(args).map(a -> a == null ? "" : a).toArray());
    }

    /** Message key in the bundles, e.g. {@code error.file.notFound}. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
