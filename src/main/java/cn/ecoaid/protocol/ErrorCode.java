package cn.ecoaid.protocol;

/** Error codes of the sync API with their HTTP status (docs/sync-api.md, "Errors"). */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHENTICATED(401),
    TOKEN_EXPIRED(401),
    DEVICE_REVOKED(401),
    CODE_INVALID(403),
    FORBIDDEN(403),
    NOT_FOUND(404),
    SEQ_GAP(409),
    ALREADY_RESOLVED(409),
    PAYLOAD_TOO_LARGE(413),
    BATCH_TOO_LARGE(413),
    BLOB_TOO_LARGE(413),
    CHUNK_HASH_MISMATCH(422),
    BLOB_HASH_MISMATCH(422),
    UPLOAD_INCOMPLETE(422),
    LIBRARY_REJECTED(422),
    RATE_LIMITED(429),
    INTERNAL(500),
    UNAVAILABLE(503),
    // solution packages (docs/sync-api.md "Solution packages")
    LEAD_REQUIRED(403),
    PACKAGE_VERSION_CONFLICT(409),
    MISSING_BLOB(409),
    MANIFEST_INVALID(422),
    SIGNATURE_INVALID(422),
    CONTENT_HASH_MISMATCH(422);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code named in an error body, or {@link #INTERNAL} for one this build does not know. */
    public static ErrorCode parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return INTERNAL;
        }
    }
}
