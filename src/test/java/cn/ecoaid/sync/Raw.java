package cn.ecoaid.sync;

import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.Wire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls for tests that must see the exact status and error code. */
final class Raw {
    record Response(int status, byte[] body) {
        String code() {
            return Wire.read(body, Dto.ErrorBody.class).code();
        }

        <T> T as(Class<T> type) {
            return Wire.read(body, type);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI base;

    Raw(URI base) {
        this.base = base;
    }

    String token(String deviceId, String refresh) {
        return post(Wire.TOKEN, new Dto.TokenRequest(deviceId, refresh), null).as(Dto.TokenResponse.class).accessToken();
    }

    static String token(SyncHarness.Device d, URI base) {
        return new Raw(base).token(d.id(), d.ws().syncState().get("refresh_token").orElseThrow());
    }

    Response post(String path, Object body, String token) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body instanceof byte[] b ? b : Wire.write(body))));
    }

    Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    Response put(String path, byte[] body, String chunkSha, String token) {
        return send(builder(path, token).header(Wire.CHUNK_SHA256, chunkSha).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
