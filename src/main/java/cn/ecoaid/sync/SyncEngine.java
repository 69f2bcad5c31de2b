package cn.ecoaid.sync;

import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.store.SyncStateRepository;
import cn.ecoaid.store.SyncStateRepository.Ack;
import cn.ecoaid.store.SyncStateRepository.PendingOp;
import cn.ecoaid.store.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace's sync with the platform (SYNC.md): push the outbox in order, mark rows only on the server's answer, pull
 * and apply pages each in one transaction, upload and download blobs in chunks with resume. Network failures are retried
 * with exponential backoff; a pull left unfinished (cursor below the target recorded when it started) is completed
 * before anything is pushed.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** Named points a test can stop the process at (SYNC.md "Crash points"); production passes {@link #NONE}. */
    @FunctionalInterface
    public interface Hooks {
        void at(String point);
    }

    public static final Hooks NONE = point -> { };

    /** Tunables. */
    public record Options(int pushBatch, int pullLimit, int attempts, Duration backoff, Duration timeout) {
        public static Options defaults() {
            return new Options(500, 1000, 6, Duration.ofMillis(200), Duration.ofSeconds(30));
        }

        public Options withAttempts(int n, Duration first) {
            return new Options(pushBatch, pullLimit, n, first, timeout);
        }

        public Options withBatches(int push, int pull) {
            return new Options(push, pull, attempts, backoff, timeout);
        }

        public Options withTimeout(Duration t) {
            return new Options(pushBatch, pullLimit, attempts, backoff, t);
        }
    }

    /** What one sync moved. */
    public record Report(int pushed, int acked, int duplicates, int conflicts, int rejected, int pulled, int blobsUp,
                         int blobsDown, long cursor) {
    }

    /** What the sync page and status bar show. */
    public record Status(boolean enrolled, String server, String role, int pending, String lastConfirmedSync,
                         String lastError, Map<String, Integer> byState) {
    }

    private final Workspace ws;
    private final SyncStateRepository state;
    private PlatformClient client;
    private final Options options;
    private final Hooks hooks;
    private String accessToken;
    private List<PackagePublisher.Outcome> published = List.of();

    public SyncEngine(Workspace ws, URI server, Options options, Hooks hooks) {
        this.ws = ws;
        this.state = ws.syncState();
        this.client = new PlatformClient(server, options.timeout(), ws.syncState().get("ca_cert").orElse(null));
        this.options = options;
        this.hooks = hooks;
    }

    public SyncEngine(Workspace ws, URI server) {
        this(ws, server, Options.defaults(), NONE);
    }

    /** The server a workspace is enrolled with, if any. */
    public static java.util.Optional<URI> enrolledServer(Workspace ws) {
        return ws.syncState().get("server").map(URI::create);
    }

    // ------------------------------------------------------------------------------------------------ enrolment

    /**
     * Enrols over HTTPS with the platform's CA certificate (PEM) pinned: this and every later call accept only
     * certificates issued by it. The certificate is kept in the workspace with the device credential.
     */
    public Dto.EnrolResponse enrol(String code, String deviceName, String caPem) {
        client = new PlatformClient(client.base(), options.timeout(), caPem);
        Dto.EnrolResponse r = enrol(code, deviceName);
        state.put("ca_cert", caPem);
        return r;
    }

    /** The platform's answer to the unauthenticated status call: API version and its high-water revision. */
    public Dto.Status platformStatus() {
        return client.get(Wire.STATUS, Dto.Status.class, null);
    }

    /** Enrols this workspace as a device with a one-time code; stores the device credential in the workspace. */
    public Dto.EnrolResponse enrol(String code, String deviceName) {
        KeyPair keys;
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Dto.EnrolResponse r = client.post(Wire.ENROL, new Dto.EnrolRequest(code, deviceName,
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), state.firstUnpushedSeq()),
                Dto.EnrolResponse.class, null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server", client.base().toString());
        values.put("device_id", r.deviceId());
        values.put("refresh_token", r.refreshToken());
        values.put("role", r.role().name());
        values.put("team_id", r.teamId() == null ? "" : r.teamId());
        values.put("signing_key", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        values.put("pull_cursor", "0");
        state.putAll(values);
        return r;
    }

    public boolean enrolled() {
        return state.get("device_id").isPresent();
    }

    public Status status() {
        return new Status(enrolled(), state.get("server").orElse(null), state.get("role").orElse(null), state.pendingCount(),
                state.lastConfirmedSync().orElse(null), state.get("last_error").orElse(null), state.countsByState());
    }

    private String deviceId() {
        return state.get("device_id").orElseThrow(() -> new SyncException(ErrorCode.UNAUTHENTICATED, null, "sync.error.notEnrolled"));
    }

    // ------------------------------------------------------------------------------------------------ calls with retry

    private <T> T call(Supplier<T> request) {
        SyncException last = null;
        boolean refreshed = false;
        for (int attempt = 0; attempt < options.attempts(); attempt++) {
            try {
                if (accessToken == null) {
                    accessToken = client.post(Wire.TOKEN, new Dto.TokenRequest(deviceId(), state.get("refresh_token").orElse("")),
                            Dto.TokenResponse.class, null).accessToken();
                }
                return request.get();
            } catch (SyncException e) {
                last = e;
                if ((e.code() == ErrorCode.TOKEN_EXPIRED || e.code() == ErrorCode.UNAUTHENTICATED) && !refreshed
                        && accessToken != null) {
                    accessToken = null; // the server restarted or the token expired: get a new one, once
                    refreshed = true;
                    attempt--;
                    continue;
                }
                if (!e.retryable()) {
                    throw e;
                }
                long wait = options.backoff().toMillis() << Math.min(attempt, 6);
                LOG.debug("sync call failed ({}), retry in {} ms", e.code(), wait);
                try {
                    Thread.sleep(wait + (long) (Math.random() * wait / 2));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    // ------------------------------------------------------------------------------------------------ full sync

    /** One full sync: finish an interrupted pull, push everything pending (with its blobs), pull to the high-water mark. */
    public Report sync() {
        synchronized (ws.syncLock()) {
            return syncLocked();
        }
    }

    private Report syncLocked() {
        Counters n = new Counters();
        String error = null;
        try {
            deviceId();
            if (pullIncomplete()) {
                pull(n);
            }
            push(n);
            published = publishPackages();
            pull(n);
            pullLibraries();
            state.confirmSync(state.now());
            return n.report(state.cursor());
        } catch (RuntimeException e) {
            error = e instanceof SyncException s ? s.key() + " " + java.util.Arrays.toString(s.args()) : e.toString();
            throw e;
        } finally {
            try {
                state.addRun(new SyncStateRepository.Run(state.now(), n.pushed, n.conflicts, n.rejected, n.pulled, n.blobsUp,
                        n.blobsDown, error));
            } catch (RuntimeException ignored) {
                // the workspace is closing; the run itself has been reported
            }
        }
    }

    private static final class Counters {
        int pushed;
        int acked;
        int duplicates;
        int conflicts;
        int rejected;
        int pulled;
        int blobsUp;
        int blobsDown;

        Report report(long cursor) {
            return new Report(pushed, acked, duplicates, conflicts, rejected, pulled, blobsUp, blobsDown, cursor);
        }
    }

    private boolean pullIncomplete() {
        return state.cursor() < state.get("pull_target").map(Long::parseLong).orElse(0L);
    }

    // ------------------------------------------------------------------------------------------------ push

    /** Pushes pending operations in outbox order until none is left; refuses while a pull is half-applied. */
    public Report push() {
        Counters n = new Counters();
        push(n);
        return n.report(state.cursor());
    }

    private void push(Counters n) {
        if (pullIncomplete()) {
            throw new SyncException(ErrorCode.BAD_REQUEST, null, "sync.error.pullIncomplete");
        }
        String device = deviceId();
        Set<String> uploaded = new HashSet<>();
        while (true) {
            List<PendingOp> ops = state.pending(options.pushBatch());
            if (ops.isEmpty()) {
                return;
            }
            for (PendingOp op : ops) {
                for (String sha : op.blobHashes()) {
                    if (uploaded.add(sha)) {
                        n.blobsUp += uploadBlob(sha) ? 1 : 0;
                    }
                }
            }
            List<Dto.Op> wire = new ArrayList<>();
            for (PendingOp op : ops) {
                wire.add(toWire(op));
            }
            Dto.PushRequest req = new Dto.PushRequest(device, UUID.randomUUID().toString(), ops.get(0).seq(), wire);
            hooks.at("push-before-send");
            Dto.PushResponse resp;
            try {
                resp = call(() -> client.post(Wire.PUSH, req, Dto.PushResponse.class, accessToken));
            } catch (SyncException e) {
                state.recordAttempt(ops.stream().map(PendingOp::opId).toList(), e.key() + " " + java.util.Arrays.toString(e.args()));
                throw e;
            }
            hooks.at("push-after-response");
            List<Ack> acks = new ArrayList<>();
            boolean missingBlob = false;
            for (Dto.OpResult r : resp.results()) {
                String original = r.status() == Dto.OpStatus.DUPLICATE ? r.code() : r.status().name();
                if (r.status() == Dto.OpStatus.DUPLICATE) {
                    n.duplicates++;
                }
                switch (original) {
                    case "APPLIED" -> {
                        acks.add(new Ack(r.opId(), "ACKED", r.rev(), null, null));
                        n.acked++;
                    }
                    case "CONFLICT" -> {
                        acks.add(new Ack(r.opId(), "CONFLICT", r.rev(), r.conflictId(), null));
                        n.conflicts++;
                    }
                    case "MISSING_BLOB" -> {
                        missingBlob = true;
                        uploaded.remove(r.code());
                        n.blobsUp += uploadBlob(r.code()) ? 1 : 0;
                    }
                    default -> {
                        acks.add(new Ack(r.opId(), "REJECTED", 0, null, r.code()));
                        n.rejected++;
                    }
                }
            }
            state.recordAcks(acks);
            n.pushed += acks.size();
            hooks.at("push-after-ack");
            if (acks.isEmpty() && !missingBlob) {
                throw new SyncException(ErrorCode.INTERNAL, null, "sync.error.server", "EMPTY", "no result for the batch");
            }
        }
    }

    static Dto.Op toWire(PendingOp op) {
        Map<String, Dto.Change> changes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = op.changes().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            changes.put(e.getKey(), new Dto.Change(e.getValue().get("old"), e.getValue().get("new")));
        }
        return new Dto.Op(op.opId(), op.seq(), op.entity(), op.entityId(), op.kind(), op.baseRev(), changes, op.blobHashes(),
                op.createdAt(), op.schemaVersion());
    }

    // ------------------------------------------------------------------------------------------------ pull

    /** Pulls and applies every change after the cursor. */
    public Report pull() {
        Counters n = new Counters();
        pull(n);
        return n.report(state.cursor());
    }

    private void pull(Counters n) {
        long since = state.cursor();
        boolean first = true;
        while (true) {
            long from = since;
            Dto.PullResponse page = call(() -> client.get(Wire.PULL + "?since=" + from + "&limit=" + options.pullLimit(),
                    Dto.PullResponse.class, accessToken));
            if (first) {
                // From here until the cursor reaches the target, nothing is pushed (SYNC.md §8).
                state.put("pull_target", Long.toString(page.highWater()));
                first = false;
            }
            List<SyncStateRepository.Remote> remotes = new ArrayList<>();
            for (Dto.RemoteChange ch : page.changes()) {
                if ("attachment".equals(ch.entity()) && !ch.deleted() && ch.data().containsKey("sha256")) {
                    String sha = ch.data().get("sha256").asText();
                    n.blobsDown += downloadBlob(sha) ? 1 : 0;
                }
                remotes.add(new SyncStateRepository.Remote(ch.rev(), ch.entity(), ch.entityId(), ch.deleted(), ch.data()));
            }
            hooks.at("pull-before-apply");
            n.pulled += state.applyPage(remotes, page.next());
            hooks.at("pull-after-apply");
            if (!page.more()) {
                return;
            }
            since = page.next();
        }
    }

    // ------------------------------------------------------------------------------------------------ libraries

    private LibrarySync.Report libraryReport;

    /** Pulls every reference library on its own cursor (SYNC.md §10); a full {@link #sync()} does this too. */
    public LibrarySync.Report pullLibraries() {
        LibrarySync.Getter get = new LibrarySync.Getter() {
            @Override
            public <T> T get(String path, Class<T> type) {
                return call(() -> client.get(path, type, accessToken));
            }
        };
        libraryReport = new LibrarySync(get, ws, 5).pull();
        return libraryReport;
    }

    /**
     * Loads checked library rows as the next version on the platform (national admins; provincial admins for their
     * province). Retrying is safe: the same rows again give the same version.
     */
    public cn.ecoaid.protocol.LibraryDto.Version uploadLibrary(cn.ecoaid.library.LibraryContent content, String label,
                                                               String fileName) {
        cn.ecoaid.protocol.LibraryDto.Upload up = new cn.ecoaid.protocol.LibraryDto.Upload(label, fileName, content.sha256(),
                content.headers(), content.rows());
        return call(() -> client.post(Wire.LIBRARIES + "/" + content.kind().id(), up, cn.ecoaid.protocol.LibraryDto.Version.class,
                accessToken));
    }

    /** What the last library pull of this engine moved, if one ran. */
    public java.util.Optional<LibrarySync.Report> lastLibraryReport() {
        return java.util.Optional.ofNullable(libraryReport);
    }

    // ------------------------------------------------------------------------------------------------ conflicts

    /** Open conflicts of the team (team leads resolve them). */
    public List<Dto.Conflict> conflicts() {
        return call(() -> client.get(Wire.CONFLICTS + "?status=OPEN", Dto.ConflictList.class, accessToken)).conflicts();
    }

    /** Resolves a conflict with the chosen values; the resolution is a new server revision every device pulls. */
    public Dto.ResolveResponse resolve(String conflictId, Map<String, JsonNode> values) {
        Dto.ResolveRequest req = new Dto.ResolveRequest(UUID.randomUUID().toString(), values);
        return call(() -> client.post(Wire.CONFLICTS + "/" + URLEncoder.encode(conflictId, StandardCharsets.UTF_8) + "/resolve",
                req, Dto.ResolveResponse.class, accessToken));
    }

    /** Every version of a record on the platform, oldest first (the conflicts list shows it beside base / mine / theirs). */
    public Dto.RecordHistory history(String entity, String entityId) {
        return call(() -> client.get(Wire.RECORDS + "/" + URLEncoder.encode(entity, StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(entityId, StandardCharsets.UTF_8) + "/history", Dto.RecordHistory.class, accessToken));
    }

    /** Revokes a device (team lead or admin). */
    public void revoke(String deviceId) {
        call(() -> client.post(Wire.DEVICES + "/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + "/revoke", Map.of(),
                Dto.Revoked.class, accessToken));
    }

    // ------------------------------------------------------------------------------------------------ solution packages

    /** Publishes the frozen solution-package versions not yet on the platform (team leads; {@link PackagePublisher}). */
    public List<PackagePublisher.Outcome> publishPackages() {
        return new PackagePublisher(this).publishAll();
    }

    /** What the last full {@link #sync()} published (solution-package versions), for the command line and the page. */
    public List<PackagePublisher.Outcome> lastPublished() {
        return published;
    }

    /** Publishes the unpublished versions of one package up to number {@code upTo}, rebasing when another came first. */
    public List<PackagePublisher.Outcome> publishPackage(String packageId, int upTo) {
        return new PackagePublisher(this).publish(packageId, upTo);
    }

    /** Runs a request with the access token, retries and token refresh (for {@link PackagePublisher}). */
    <T> T authorised(java.util.function.Function<String, T> request) {
        return call(() -> request.apply(accessToken));
    }

    PlatformClient client() {
        return client;
    }

    void hook(String point) {
        hooks.at(point);
    }

    Workspace workspace() {
        return ws;
    }

    // ------------------------------------------------------------------------------------------------ blobs

    private Path blobPath(String sha) {
        return ws.attachments().folder().resolve(sha.substring(0, 2)).resolve(sha);
    }

    /** Uploads a blob in chunks, skipping chunks the server already holds; false if the server had it. */
    boolean uploadBlob(String sha) {
        Path file = blobPath(sha);
        if (!Files.isRegularFile(file)) {
            throw new SyncException(ErrorCode.NOT_FOUND, null, "sync.error.blob", sha);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dto.BlobUpload up = call(() -> client.post(Wire.BLOBS, new Dto.BlobStart(sha, size), Dto.BlobUpload.class, accessToken));
        if (up.complete()) {
            return false;
        }
        Set<Integer> have = new HashSet<>(up.received());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            for (int i = 0; i < up.chunks(); i++) {
                if (have.contains(i)) {
                    continue;
                }
                long offset = (long) i * up.chunkSize();
                byte[] chunk = new byte[(int) Math.min(up.chunkSize(), size - offset)];
                raf.seek(offset);
                raf.readFully(chunk);
                String chunkSha = hex(chunk);
                int index = i;
                call(() -> client.put(Wire.BLOBS + "/uploads/" + up.uploadId() + "/chunks/" + index, chunk, chunkSha,
                        Dto.BlobUpload.class, accessToken));
                hooks.at("blob-after-chunk");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call(() -> client.post(Wire.BLOBS + "/uploads/" + up.uploadId() + "/complete", Map.of(), Dto.BlobStored.class, accessToken));
        return true;
    }

    /**
     * Downloads a blob into the attachment folder (resuming a partial {@code .part} file), checks its SHA-256 and renames
     * it into place atomically — before the row that refers to it is applied. False if it was already here.
     */
    boolean downloadBlob(String sha) {
        Path target = blobPath(sha);
        if (Files.isRegularFile(target)) {
            return false;
        }
        Path part = target.resolveSibling(sha + ".part");
        try {
            Files.createDirectories(target.getParent());
            for (int attempt = 0; ; attempt++) {
                long have = Files.exists(part) ? Files.size(part) : 0;
                try (InputStream in = call(() -> client.download(sha, have, accessToken));
                     OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    in.transferTo(out);
                    break;
                } catch (IOException e) {
                    if (attempt + 1 >= options.attempts()) {
                        throw new SyncException(ErrorCode.UNAVAILABLE, e, "sync.error.offline", client.base(), e.getMessage());
                    }
                }
            }
            String got = hexFile(part);
            if (!got.equals(sha)) {
                Files.deleteIfExists(part);
                throw new SyncException(ErrorCode.BLOB_HASH_MISMATCH, null, "sync.error.blob", sha);
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(byte[] data) {
        return cn.ecoaid.domain.Hashes.sha256(data);
    }

    static String hexFile(Path file) throws IOException {
        return cn.ecoaid.domain.Hashes.sha256(file);
    }
}
