package cn.ecoaid.sync;

import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls to the platform (/api/v1) with java.net.http; errors become {@link SyncException} with the server's code. */
final class PlatformClient {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    PlatformClient(URI base, Duration timeout) {
        this(base, timeout, null);
    }

    /** {@code caPem}: the platform's CA certificate pinned at enrolment (PEM), or null for the system trust store. */
    PlatformClient(URI base, Duration timeout, String caPem) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
        this.http = Transport.client(this.base, timeout, caPem);
    }

    URI base() {
        return base;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    <T> T post(String path, Object body, Class<T> type, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.write(body))).build(), type);
    }

    <T> T get(String path, Class<T> type, String token) {
        return send(request(path, token).GET().build(), type);
    }

    <T> T put(String path, byte[] body, String chunkSha, Class<T> type, String token) {
        return send(request(path, token).header("Content-Type", "application/octet-stream").header(Wire.CHUNK_SHA256, chunkSha)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), type);
    }

    /** Opens a blob download from byte {@code from}; the caller closes the stream. */
    InputStream download(String sha, long from, String token) {
        HttpRequest.Builder b = request(Wire.BLOBS + "/" + sha, token).GET();
        if (from > 0) {
            b.header("Range", "bytes=" + from + "-");
        }
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() / 100 != 2) {
                byte[] body;
                try (InputStream in = r.body()) {
                    body = in.readAllBytes();
                }
                throw error(r.statusCode(), body);
            }
            if (from > 0 && r.statusCode() != 206) {
                r.body().close();
                throw new SyncException(ErrorCode.BAD_REQUEST, null, "sync.error.server", "RANGE", "no partial content");
            }
            return r.body();
        } catch (IOException e) {
            throw offline(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(e);
        }
    }

    private <T> T send(HttpRequest req, Class<T> type) {
        HttpResponse<byte[]> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw offline(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(e);
        }
        if (r.statusCode() / 100 != 2) {
            throw error(r.statusCode(), r.body());
        }
        try {
            return Wire.mapper().readValue(r.body(), type);
        } catch (IOException e) {
            // A truncated or garbled answer is a network failure: the request may or may not have been applied.
            throw offline(e);
        }
    }

    private SyncException offline(Exception e) {
        return new SyncException(ErrorCode.UNAVAILABLE, e, "sync.error.offline", base, String.valueOf(e.getMessage()));
    }

    static SyncException error(int status, byte[] body) {
        Dto.ErrorBody err;
        try {
            err = Wire.mapper().readValue(body, Dto.ErrorBody.class);
        } catch (IOException | RuntimeException e) {
            ErrorCode code = status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.BAD_REQUEST;
            return new SyncException(code, null, "sync.error.server", "HTTP " + status, "");
        }
        ErrorCode code = ErrorCode.parse(err.code());
        return new ServerError(code, err);
    }

    /** An error the server answered with its body. */
    static final class ServerError extends SyncException {
        private static final long serialVersionUID = 1L;
        private final transient Dto.ErrorBody body;

        ServerError(ErrorCode code, Dto.ErrorBody body) {
            super(code, null, "sync.error.server", body.code(), body.message() == null ? "" : body.message());
            this.body = body;
        }

        Dto.ErrorBody body() {
            return body;
        }
    }
}
