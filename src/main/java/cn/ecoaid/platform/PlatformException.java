package cn.ecoaid.platform;

import cn.ecoaid.domain.EcoAidException;

/** A platform failure reported to an operator (CLI), with a bundle key. */
public class PlatformException extends EcoAidException {
    private static final long serialVersionUID = 1L;

    public PlatformException(String key, Object... args) {
        super(key, args);
    }

    public PlatformException(Throwable cause, String key, Object... args) {
        super(cause, key, args);
    }
}
