package cn.ecoaid.protocol;

/** A protocol-level failure with its code; the server answers it as an {@link Dto.ErrorBody}. */
public class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final Long expectedSeq;

    public WireException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public WireException(ErrorCode code, String detail, Long expectedSeq) {
        super(code + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.expectedSeq = expectedSeq;
    }

    public ErrorCode code() {
        return code;
    }

    public Long expectedSeq() {
        return expectedSeq;
    }

    public Dto.ErrorBody body() {
        return new Dto.ErrorBody(code.name(), getMessage(), expectedSeq);
    }
}
