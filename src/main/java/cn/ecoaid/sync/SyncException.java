package cn.ecoaid.sync;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.protocol.ErrorCode;

/**
 * A sync failure with a bundle key: {@code sync.error.offline} (network), {@code sync.error.server} (the server's code),
 * {@code sync.error.notEnrolled}, {@code sync.error.pullIncomplete}, {@code sync.error.blob}.
 */
public class SyncException extends EcoAidException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public SyncException(ErrorCode code, Throwable cause, String key, Object... args) {
        super(cause, key, args);
        this.code = code;
    }

    /** The server's error code; {@link ErrorCode#UNAVAILABLE} when the server could not be reached. */
    public ErrorCode code() {
        return code;
    }

    /** Worth retrying later: the network, a busy or restarting server, a rate limit. */
    public boolean retryable() {
        return code == ErrorCode.UNAVAILABLE || code == ErrorCode.RATE_LIMITED || code == ErrorCode.INTERNAL;
    }
}
