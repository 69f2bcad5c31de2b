package cn.ecoaid.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The wire format of the sync API (docs/sync-api.md): JSON with snake_case names, UTF-8. Unknown properties are ignored
 * so that a newer peer can add fields within /api/v1.
 */
public final class Wire {
    /** Version prefix of every path. */
    public static final String API = "/api/v1";
    public static final String ENROL = API + "/enrol";
    public static final String TOKEN = API + "/auth/token";
    public static final String STATUS = API + "/status";
    public static final String PUSH = API + "/sync/push";
    public static final String PULL = API + "/sync/pull";
    public static final String CONFLICTS = API + "/conflicts";
    public static final String BLOBS = API + "/blobs";
    public static final String DEVICES = API + "/devices";
    public static final String RECORDS = API + "/records";
    public static final String PACKAGES = API + "/packages";
    public static final String LIBRARIES = API + "/libraries";
    /** Header carrying the SHA-256 (hex) of an uploaded chunk. */
    public static final String CHUNK_SHA256 = "X-Chunk-Sha256";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Wire() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code bytes}; a malformed body is reported as {@link WireException} with {@link ErrorCode#BAD_REQUEST}. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new WireException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }
}
