package cn.ecoaid.platform;

import cn.ecoaid.platform.PlatformStore.Principal;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.Dto.Role;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.protocol.WireException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's HTTP API (/api/v1, docs/sync-api.md) on Javalin: bearer access tokens from enrolment, roles and team
 * isolation on every endpoint, rate and size limits, errors as {@code {code, message}} with the status of their code.
 */
public final class PlatformServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Limits and addresses. Loopback by default; TLS belongs in a reverse proxy (docs/sync-api.md). */
    public record Config(String host, int port, long maxBodyBytes, int maxOpsPerBatch, int maxPullLimit, int chunkSize,
                         long maxBlobBytes, double requestsPerSecond, int burst, Duration accessTokenTtl) {
        public static Config defaults(int port) {
            return new Config("127.0.0.1", port, 16L << 20, 1000, 2000, 4 << 20, 2L << 30, 100, 400, Duration.ofMinutes(15));
        }

        public Config withRate(double perSecond, int burst) {
            return new Config(host, port, maxBodyBytes, maxOpsPerBatch, maxPullLimit, chunkSize, maxBlobBytes, perSecond, burst,
                    accessTokenTtl);
        }

        public Config withLimits(long maxBody, int maxOps, int chunk, long maxBlob) {
            return new Config(host, port, maxBody, maxOps, maxPullLimit, chunk, maxBlob, requestsPerSecond, burst, accessTokenTtl);
        }

        public Config withTokenTtl(Duration ttl) {
            return new Config(host, port, maxBodyBytes, maxOpsPerBatch, maxPullLimit, chunkSize, maxBlobBytes, requestsPerSecond,
                    burst, ttl);
        }
    }

    private record Token(String deviceId, Instant expires) {
    }

    private final PlatformStore store;
    private final BlobFiles blobs;
    private final Config config;
    private final PackageRegistry packages;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private Javalin app;
    private java.util.concurrent.ScheduledExecutorService housekeeping;

    public PlatformServer(PlatformStore store, Path dataDir, Config config) {
        this.store = store;
        this.blobs = new BlobFiles(dataDir);
        this.config = config;
        this.packages = new PackageRegistry(store, dataDir);
    }

    /** Published solution-package versions. */
    public PackageRegistry packages() {
        return packages;
    }

    public PlatformStore store() {
        return store;
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.routes.exception(WireException.class, (e, ctx) -> fail(ctx, e));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException) {
                    // The client went away mid-request (network cut): nothing was applied.
                    LOG.info("request {} {} aborted by the client: {}", ctx.method(), ctx.path(), e.toString());
                    store.recordFailure(null, "CLIENT_ABORT", ctx.path());
                    fail(ctx, new WireException(ErrorCode.BAD_REQUEST, "incomplete request"));
                    return;
                }
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                store.recordFailure(null, ErrorCode.INTERNAL.name(), ctx.path() + ": " + e);
                fail(ctx, new WireException(ErrorCode.INTERNAL, e.getClass().getSimpleName()));
            });
            cfg.routes.before(this::limits);
            cfg.routes.get(Wire.STATUS, ctx -> json(ctx, new Dto.Status("v1", store.highWater())));
            cfg.routes.post(Wire.ENROL, this::enrol);
            cfg.routes.post(Wire.TOKEN, this::token);
            cfg.routes.post(Wire.PUSH, this::push);
            cfg.routes.get(Wire.PULL, this::pull);
            cfg.routes.get(Wire.CONFLICTS, this::conflicts);
            cfg.routes.post(Wire.CONFLICTS + "/{id}/resolve", this::resolve);
            cfg.routes.post(Wire.BLOBS, this::blobStart);
            cfg.routes.put(Wire.BLOBS + "/uploads/{id}/chunks/{index}", this::blobChunk);
            cfg.routes.post(Wire.BLOBS + "/uploads/{id}/complete", this::blobComplete);
            cfg.routes.get(Wire.BLOBS + "/{sha}", this::blobGet);
            cfg.routes.post(Wire.DEVICES + "/{id}/revoke", this::revoke);
            cfg.routes.get(Wire.RECORDS + "/{entity}/{id}/history", this::history);
            cfg.routes.get(Wire.PACKAGES, this::packageList);
            cfg.routes.post(Wire.PACKAGES + "/{id}/versions", this::packagePublish);
            cfg.routes.get(Wire.PACKAGES + "/{id}/versions", this::packageVersions);
            cfg.routes.get(Wire.PACKAGES + "/{id}/versions/{n}", this::packageVersion);
            cfg.routes.get(Wire.LIBRARIES, this::libraryKinds);
            cfg.routes.get(Wire.LIBRARIES + "/{kind}", this::libraryPage);
            cfg.routes.post(Wire.LIBRARIES + "/{kind}", this::libraryLoad);
        });
        app.start();
        housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "platform-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::expireUploads, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        LOG.info("platform listening on {}:{}", config.host(), app.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** Drops uploads left incomplete for 7 days (SYNC.md §9) with their chunks. */
    void expireUploads() {
        try {
            for (String id : store.expireUploads(Duration.ofDays(7))) {
                blobs.discard(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("expiring uploads failed", e);
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (app != null) {
            app.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------ cross-cutting

    private void limits(Context ctx) {
        String len = ctx.header("Content-Length");
        if (len != null) {
            long n;
            try {
                n = Long.parseLong(len.strip());
            } catch (NumberFormatException e) {
                throw new WireException(ErrorCode.BAD_REQUEST, "Content-Length");
            }
            if (n > config.maxBodyBytes()) {
                throw new WireException(ErrorCode.PAYLOAD_TOO_LARGE, n + " > " + config.maxBodyBytes());
            }
        }
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.startsWith("Bearer ") ? "t:" + auth.substring(7).strip() : "ip:" + ctx.ip();
        Token t = key.startsWith("t:") ? tokens.get(key.substring(2)) : null;
        if (t != null) {
            key = "d:" + t.deviceId();
        }
        if (!limiters.computeIfAbsent(key, k -> new RateLimiter(config.requestsPerSecond(), config.burst())).tryAcquire()) {
            store.recordFailure(t == null ? null : t.deviceId(), ErrorCode.RATE_LIMITED.name(), ctx.path());
            throw new WireException(ErrorCode.RATE_LIMITED, "too many requests");
        }
    }

    private Principal auth(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            throw new WireException(ErrorCode.UNAUTHENTICATED, "no bearer token");
        }
        Token t = tokens.get(auth.substring(7).strip());
        if (t == null) {
            throw new WireException(ErrorCode.UNAUTHENTICATED, "unknown token");
        }
        if (t.expires().isBefore(Instant.now(store.clock()))) {
            tokens.remove(auth.substring(7).strip());
            throw new WireException(ErrorCode.TOKEN_EXPIRED, "access token expired");
        }
        try {
            return store.activePrincipal(t.deviceId());
        } catch (WireException e) {
            if (e.code() == ErrorCode.DEVICE_REVOKED) {
                store.recordFailure(t.deviceId(), e.code().name(), ctx.path());
                store.audit(null, t.deviceId(), null, "refused-revoked", null, null, ctx.ip());
            }
            throw e;
        }
    }

    private void fail(Context ctx, WireException e) {
        ctx.status(e.code().status());
        json(ctx, e.body());
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json");
        ctx.result(Wire.write(body));
    }

    private static <T> T body(Context ctx, Class<T> type) {
        return Wire.read(ctx.bodyAsBytes(), type);
    }

    /** The team whose data the caller wants to read: its own, or one it may oversee (provincial/national admin). */
    private String readableTeam(Principal p, String requested) {
        if (requested == null || requested.isBlank() || requested.equals(p.teamId())) {
            if (p.teamId() == null) {
                throw new WireException(ErrorCode.BAD_REQUEST, "team is required");
            }
            return p.teamId();
        }
        mayOversee(p, requested);
        return requested;
    }

    private void mayOversee(Principal p, String team) {
        if (p.role() == Role.NATIONAL_ADMIN) {
            return;
        }
        if (p.role() == Role.PROVINCIAL_ADMIN && store.provinceOfTeam(team).map(pr -> pr.equals(p.provinceId())).orElse(false)) {
            return;
        }
        if ((p.role() == Role.MEMBER || p.role() == Role.TEAM_LEAD) && team.equals(p.teamId())) {
            return;
        }
        store.recordFailure(p.deviceId(), ErrorCode.FORBIDDEN.name(), "team " + team);
        throw new WireException(ErrorCode.FORBIDDEN, "not your team");
    }

    // ------------------------------------------------------------------------------------------------ endpoints

    private void enrol(Context ctx) {
        json(ctx, store.enrol(body(ctx, Dto.EnrolRequest.class), ctx.ip()));
    }

    private void token(Context ctx) {
        Dto.TokenRequest req = body(ctx, Dto.TokenRequest.class);
        Principal p;
        try {
            p = store.checkRefresh(req.deviceId(), req.refreshToken());
        } catch (WireException e) {
            store.recordFailure(req.deviceId(), e.code().name(), ctx.path());
            if (e.code() == ErrorCode.DEVICE_REVOKED) {
                store.audit(null, req.deviceId(), null, "refused-revoked", null, null, ctx.ip());
            }
            throw e;
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, new Token(p.deviceId(), Instant.now(store.clock()).plus(config.accessTokenTtl())));
        json(ctx, new Dto.TokenResponse(token, config.accessTokenTtl().toSeconds(), p.role(), p.teamId()));
    }

    private void push(Context ctx) {
        Principal p = auth(ctx);
        if (p.role() != Role.MEMBER && p.role() != Role.TEAM_LEAD) {
            throw new WireException(ErrorCode.FORBIDDEN, "only team members push records");
        }
        Dto.PushRequest req = body(ctx, Dto.PushRequest.class);
        if (req.ops() == null || !p.deviceId().equals(req.deviceId())) {
            throw new WireException(ErrorCode.BAD_REQUEST, "device_id must be the caller's");
        }
        if (req.ops().size() > config.maxOpsPerBatch()) {
            throw new WireException(ErrorCode.BATCH_TOO_LARGE, req.ops().size() + " > " + config.maxOpsPerBatch());
        }
        try {
            json(ctx, store.push(p, req, ctx.ip()));
        } catch (WireException e) {
            store.recordFailure(p.deviceId(), e.code().name(), e.getMessage());
            throw e;
        }
    }

    private void pull(Context ctx) {
        Principal p = auth(ctx);
        String team = readableTeam(p, ctx.queryParam("team"));
        long since = parseLong(ctx.queryParam("since"), 0);
        int limit = (int) Math.min(config.maxPullLimit(), Math.max(1, parseLong(ctx.queryParam("limit"), 500)));
        json(ctx, store.pull(team, since, limit));
    }

    private void conflicts(Context ctx) {
        Principal p = auth(ctx);
        String team = readableTeam(p, ctx.queryParam("team"));
        json(ctx, new Dto.ConflictList(store.conflicts(Set.of(team), ctx.queryParam("status"))));
    }

    /** A record's versions, for the team that owns it (and those who oversee it); unknown records are NOT_FOUND. */
    private void history(Context ctx) {
        Principal p = auth(ctx);
        String entity = ctx.pathParam("entity");
        String id = ctx.pathParam("id");
        String team = store.teamOfRecord(entity, id).orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "record"));
        mayOversee(p, team);
        json(ctx, new Dto.RecordHistory(entity, id, store.history(entity, id)));
    }

    private void resolve(Context ctx) {
        Principal p = auth(ctx);
        Dto.Conflict k = store.conflict(ctx.pathParam("id"))
                .orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "conflict"));
        mayOversee(p, k.teamId());
        if (p.role() == Role.MEMBER) {
            throw new WireException(ErrorCode.FORBIDDEN, "only a team lead resolves conflicts");
        }
        json(ctx, store.resolve(p, k.id(), body(ctx, Dto.ResolveRequest.class), ctx.ip()));
    }

    private void blobStart(Context ctx) {
        Principal p = auth(ctx);
        if (p.teamId() == null) {
            throw new WireException(ErrorCode.FORBIDDEN, "blobs belong to a team");
        }
        Dto.BlobStart req = body(ctx, Dto.BlobStart.class);
        if (req.sha256() == null || !BlobFiles.SHA256.matcher(req.sha256()).matches() || req.size() < 0) {
            throw new WireException(ErrorCode.BAD_REQUEST, "sha256 and size");
        }
        if (req.size() > config.maxBlobBytes()) {
            throw new WireException(ErrorCode.BLOB_TOO_LARGE, req.size() + " > " + config.maxBlobBytes());
        }
        int chunks = chunks(req.size(), config.chunkSize());
        if (store.teamHasBlob(p.teamId(), req.sha256())) {
            json(ctx, new Dto.BlobUpload(null, config.chunkSize(), chunks, List.of(), true));
            return;
        }
        PlatformStore.Upload u = store.openUpload(p, req.sha256(), req.size(), config.chunkSize());
        json(ctx, new Dto.BlobUpload(u.id(), u.chunkSize(), chunks(u.size(), u.chunkSize()),
                blobs.received(u.id(), chunks(u.size(), u.chunkSize())), false));
    }

    private PlatformStore.Upload ownUpload(Principal p, Context ctx) {
        PlatformStore.Upload u = store.upload(ctx.pathParam("id"))
                .orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "upload"));
        if (!u.teamId().equals(p.teamId())) {
            throw new WireException(ErrorCode.FORBIDDEN, "not your team's upload");
        }
        return u;
    }

    private void blobChunk(Context ctx) {
        Principal p = auth(ctx);
        PlatformStore.Upload u = ownUpload(p, ctx);
        int index = (int) parseLong(ctx.pathParam("index"), -1);
        int chunks = chunks(u.size(), u.chunkSize());
        if (index < 0 || index >= chunks) {
            throw new WireException(ErrorCode.BAD_REQUEST, "chunk index " + index);
        }
        byte[] data = ctx.bodyAsBytes();
        long expected = Math.min(u.chunkSize(), u.size() - (long) index * u.chunkSize());
        if (data.length != expected) {
            throw new WireException(ErrorCode.BAD_REQUEST, "chunk " + index + " must be " + expected + " bytes");
        }
        blobs.putChunk(u.id(), index, data, ctx.header(Wire.CHUNK_SHA256));
        json(ctx, new Dto.BlobUpload(u.id(), u.chunkSize(), chunks, blobs.received(u.id(), chunks), false));
    }

    private void blobComplete(Context ctx) {
        Principal p = auth(ctx);
        PlatformStore.Upload u = ownUpload(p, ctx);
        int chunks = chunks(u.size(), u.chunkSize());
        try {
            blobs.complete(u.id(), chunks, u.sha256(), u.size());
        } catch (WireException e) {
            if (e.code() == ErrorCode.BLOB_HASH_MISMATCH) {
                store.recordFailure(p.deviceId(), e.code().name(), u.sha256());
            }
            throw e;
        }
        store.blobStored(p, u, ctx.ip());
        json(ctx, new Dto.BlobStored(u.sha256(), u.size()));
    }

    private void blobGet(Context ctx) throws java.io.IOException {
        Principal p = auth(ctx);
        String sha = ctx.pathParam("sha");
        if (!BlobFiles.SHA256.matcher(sha).matches()) {
            throw new WireException(ErrorCode.BAD_REQUEST, "sha256");
        }
        boolean allowed = p.role() == Role.NATIONAL_ADMIN || (p.teamId() != null && store.teamHasBlob(p.teamId(), sha));
        if (!allowed || !blobs.has(sha)) {
            throw new WireException(ErrorCode.NOT_FOUND, "blob");
        }
        Path file = blobs.blob(sha);
        long size = Files.size(file);
        long from = 0;
        String range = ctx.header("Range");
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Math.min(size, parseLong(range.substring(6, range.length() - 1), 0));
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
        }
        ctx.contentType("application/octet-stream");
        ctx.header("X-Blob-Sha256", sha);
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(from);
        ctx.result(in);
    }

    private void revoke(Context ctx) {
        Principal p = auth(ctx);
        String device = ctx.pathParam("id");
        String team = store.teamOfDevice(device).orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "device"));
        if (p.role() == Role.MEMBER) {
            throw new WireException(ErrorCode.FORBIDDEN, "members cannot revoke devices");
        }
        mayOversee(p, team);
        store.revokeDevice(device, p.userId(), ctx.ip());
        tokens.values().removeIf(t -> t.deviceId().equals(device));
        json(ctx, new Dto.Revoked(device));
    }

    // ------------------------------------------------------------------------------------------------ solution packages

    private void packageList(Context ctx) {
        Principal p = auth(ctx);
        json(ctx, new cn.ecoaid.protocol.PackageDto.PackageList(packages.packages(readableTeam(p, ctx.queryParam("team")))));
    }

    private void packagePublish(Context ctx) {
        Principal p = auth(ctx);
        try {
            json(ctx, packages.publish(p, ctx.pathParam("id"), body(ctx, cn.ecoaid.protocol.PackageDto.PublishRequest.class), ctx.ip()));
        } catch (PackageRegistry.Conflict e) {
            ctx.status(e.code().status());
            json(ctx, e.conflictBody());
        }
    }

    /** The package's team, which the caller must be allowed to read; an unknown package is 404. */
    private String packageTeam(Principal p, String packageId) {
        String team = packages.teamOf(packageId).orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "package"));
        mayOversee(p, team);
        return team;
    }

    private void packageVersions(Context ctx) {
        Principal p = auth(ctx);
        packageTeam(p, ctx.pathParam("id"));
        json(ctx, packages.versions(ctx.pathParam("id")));
    }

    private void packageVersion(Context ctx) {
        Principal p = auth(ctx);
        packageTeam(p, ctx.pathParam("id"));
        json(ctx, packages.version(ctx.pathParam("id"), (int) parseLong(ctx.pathParam("n"), 0))
                .orElseThrow(() -> new WireException(ErrorCode.NOT_FOUND, "version")));
    }

    // ---- reference libraries (SYNC.md §10): read by every enrolled role, loaded by national and provincial admins

    private volatile LibraryRegistry.Validator libraryValidator;

    /** Checks uploaded library rows with the workbench's readers (set by the command that starts the server). */
    public void libraryValidator(LibraryRegistry.Validator validator) {
        this.libraryValidator = validator;
    }

    private LibraryRegistry libraries() {
        return new LibraryRegistry(store);
    }

    private void libraryKinds(Context ctx) {
        Principal p = auth(ctx);
        json(ctx, libraries().kinds(p.provinceId(), p.role() == Role.NATIONAL_ADMIN));
    }

    private void libraryPage(Context ctx) {
        Principal p = auth(ctx);
        long since = parseLong(ctx.queryParam("since"), 0);
        int limit = (int) Math.min(50, Math.max(1, parseLong(ctx.queryParam("limit"), 5)));
        json(ctx, libraries().page(ctx.pathParam("kind"), since, limit, p.provinceId(), p.role() == Role.NATIONAL_ADMIN));
    }

    private void libraryLoad(Context ctx) {
        Principal p = auth(ctx);
        if (p.role() != Role.NATIONAL_ADMIN && p.role() != Role.PROVINCIAL_ADMIN) {
            store.recordFailure(p.deviceId(), ErrorCode.FORBIDDEN.name(), ctx.path());
            throw new WireException(ErrorCode.FORBIDDEN, "only national and provincial admins load libraries");
        }
        String kind = LibraryRegistry.kind(ctx.pathParam("kind"));
        cn.ecoaid.protocol.LibraryDto.Upload up = body(ctx, cn.ecoaid.protocol.LibraryDto.Upload.class);
        if (up.headers() == null || up.rows() == null
                || !cn.ecoaid.protocol.LibraryDto.contentHash(up.headers(), up.rows()).equals(up.sha256())) {
            throw new WireException(ErrorCode.LIBRARY_REJECTED, "rows do not match sha256");
        }
        LibraryRegistry.Validator check = libraryValidator;
        if (check != null) {
            check.validate(kind, up.fileName(), up.headers(), up.rows());
        }
        String province = p.role() == Role.PROVINCIAL_ADMIN ? p.provinceId() : null;
        String file = up.fileName() == null || up.fileName().isBlank() ? kind : up.fileName();
        json(ctx, libraries().load(kind, up.headers(), up.rows(), up.label(), file, province, p.userId(), p.deviceId(),
                p.role().name(), ctx.ip()));
    }

    private static int chunks(long size, int chunkSize) {
        return (int) Math.max(1, (size + chunkSize - 1) / chunkSize);
    }

    private static long parseLong(String s, long fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new WireException(ErrorCode.BAD_REQUEST, "not a number: " + s);
        }
    }

    /** A token bucket. */
    private static final class RateLimiter {
        private final double perNano;
        private final int burst;
        private double tokens;
        private long last = System.nanoTime();

        RateLimiter(double perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized boolean tryAcquire() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
