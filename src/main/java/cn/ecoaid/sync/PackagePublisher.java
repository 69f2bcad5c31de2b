package cn.ecoaid.sync;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.PackageDto;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.solution.CanonicalJson;
import cn.ecoaid.solution.DeviceKey;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.PackageFiles;
import cn.ecoaid.solution.PackageVersions;
import cn.ecoaid.solution.SolutionCodec;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.SolutionRepository;
import cn.ecoaid.store.SyncStateRepository;
import cn.ecoaid.store.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a team lead's frozen solution-package versions to the platform (SYNC.md §11), oldest first.
 *
 * <p>A version goes up as it is when it is signed with the key this workspace enrolled with and builds on the platform's
 * latest version of the package. Otherwise — another lead published first (409), or it was frozen before enrolment or
 * with another key — it is <b>rebased</b>: its content is merged record by record (three-way, on the newest ancestor the
 * platform has) with the platform's latest version, frozen again as a new local version on top of that latest (new number,
 * parent = latest) and published. Nothing is lost: the original local version stays in the workspace marked "rebased
 * into vN", the other lead's version stays in the platform's chain as the parent, and where both changed the same record
 * differently this device's content wins in the new version and the record is reported. Per version the state is kept
 * in the workspace's sync state (key {@code publish.<version id>}); a rebase first records which new version it is
 * about to create, so a crash in between never freezes the same content twice.
 */
public final class PackagePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PackagePublisher.class);
    static final String PREFIX = "publish.";

    /** LOCAL: not on the platform yet; REBASING: being replaced by {@code rebased_to}; REBASED: replaced; FAILED: refused. */
    public enum State { LOCAL, PUBLISHED, REBASING, REBASED, FAILED }

    /** The platform state of one local version. */
    public record Publication(State state, int number, String hash, String countersignature, String serverKey,
                              String publishedAt, String rebasedTo, int rebasedNumber, String error, List<String> keptMine) {
        static final Publication LOCAL = new Publication(State.LOCAL, 0, null, null, null, null, null, 0, null, List.of());

        public Publication {
            keptMine = keptMine == null ? List.of() : List.copyOf(keptMine);
        }
    }

    /**
     * What happened to one version: published as {@code publishedNumber}; when {@code rebasedFrom} &gt; 0 it is a new
     * local version made from local version {@code rebasedFrom} on top of platform version {@code onto}, taking
     * {@code fromTheirs} from it and keeping this device's content in {@code keptMine} where both changed a record.
     */
    public record Outcome(String packageId, String title, int publishedNumber, String hash, boolean duplicate, int rebasedFrom,
                          int onto, List<String> fromTheirs, List<String> keptMine, String error) {
    }

    private final SyncEngine engine;
    private final Workspace ws;
    private final SyncStateRepository state;
    private final SolutionRepository repo;

    PackagePublisher(SyncEngine engine) {
        this.engine = engine;
        this.ws = engine.workspace();
        this.state = ws.syncState();
        this.repo = ws.solutions();
    }

    // ------------------------------------------------------------------------------------------------ state

    /** The platform state of a local version (LOCAL when it was never sent). */
    public static Publication publication(Workspace ws, String versionId) {
        return ws.syncState().get(PREFIX + versionId).map(PackagePublisher::parse).orElse(Publication.LOCAL);
    }

    private static Publication parse(String json) {
        try {
            return Wire.mapper().readValue(json, Publication.class);
        } catch (IOException e) {
            return new Publication(State.FAILED, 0, null, null, null, null, null, 0, e.getMessage(), List.of());
        }
    }

    private void save(FrozenVersion v, Publication p) {
        state.put(PREFIX + v.id(), new String(Wire.write(p), StandardCharsets.UTF_8));
    }

    /** The key this workspace enrolled with, which the platform checks signatures against; empty when not enrolled. */
    public static Optional<DeviceKey> enrolledKey(Workspace ws) {
        return ws.syncState().get("signing_key").filter(s -> !s.isBlank()).map(DeviceKey::fromPrivateKey);
    }

    /** The enrolled key when the workspace is enrolled, else {@code fallback} (the device key file). */
    public static DeviceKey signingKey(Workspace ws, java.util.function.Supplier<DeviceKey> fallback) {
        return enrolledKey(ws).orElseGet(fallback);
    }

    // ------------------------------------------------------------------------------------------------ publishing

    /** Publishes every unpublished version of every package (team leads only; for other roles nothing is sent). */
    public List<Outcome> publishAll() {
        synchronized (lock()) {
            return publishAllLocked();
        }
    }

    /** One publisher at a time per workspace file (the scheduler's sync and the page's button may meet). */
    private Object lock() {
        return LOCKS.computeIfAbsent(ws.file().toAbsolutePath().normalize().toString(), k -> new Object());
    }

    private static final Map<String, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private List<Outcome> publishAllLocked() {
        if (!"TEAM_LEAD".equals(state.get("role").orElse(""))) {
            return List.of();
        }
        List<Outcome> out = new ArrayList<>();
        for (SolutionPackage p : repo.packages()) {
            try {
                out.addAll(publishLocked(p.id(), Integer.MAX_VALUE));
            } catch (SyncException e) {
                throw e;
            } catch (RuntimeException e) {
                // A package that cannot be published must not stop the sync of everything else; the page shows it.
                LOG.warn("publishing package {} failed", p.id(), e);
                out.add(new Outcome(p.id(), p.title(), 0, null, false, 0, 0, List.of(), List.of(), e.toString()));
            }
        }
        return out;
    }

    /** Publishes the unpublished versions of a package up to number {@code upTo}, oldest first. */
    public List<Outcome> publish(String packageId, int upTo) {
        synchronized (lock()) {
            return publishLocked(packageId, upTo);
        }
    }

    private List<Outcome> publishLocked(String packageId, int upTo) {
        List<Outcome> out = new ArrayList<>();
        Set<String> failedNow = new HashSet<>();
        for (int guard = 0; guard < 1000; guard++) {
            FrozenVersion next = null;
            for (FrozenVersion v : repo.versions(packageId)) {
                Publication pub = publication(ws, v.id());
                if (pub.state() == State.REBASING && repo.versions(packageId).stream().anyMatch(x -> x.id().equals(pub.rebasedTo()))) {
                    // A crash after the new version was stored: only the mark is missing.
                    int n = repo.versions(packageId).stream().filter(x -> x.id().equals(pub.rebasedTo())).findFirst().orElseThrow().number();
                    save(v, new Publication(State.REBASED, 0, null, null, null, null, pub.rebasedTo(), n, null, pub.keptMine()));
                    continue;
                }
                boolean open = pub.state() == State.LOCAL || pub.state() == State.REBASING || pub.state() == State.FAILED;
                if (open && v.number() <= upTo && !failedNow.contains(v.id())) {
                    next = v;
                    break;
                }
            }
            if (next == null) {
                return out;
            }
            Outcome o = publishOne(next);
            if (o != null) {
                if (o.error() != null) {
                    failedNow.add(next.id());
                }
                out.add(o);
                if (o.rebasedFrom() > 0 && upTo != Integer.MAX_VALUE) {
                    upTo = Math.max(upTo, o.publishedNumber());
                }
            }
        }
        throw new IllegalStateException("publishing " + packageId + " does not settle");
    }

    /** The platform's latest version of a package and the hashes of all its versions. */
    private record Latest(int number, String hash, Set<String> chain) {
    }

    private Latest latest(String packageId) {
        try {
            List<PackageDto.VersionSummary> vs = engine.authorised(t -> engine.client().get(versionsPath(packageId),
                    PackageDto.VersionList.class, t)).versions();
            if (vs.isEmpty()) {
                return new Latest(0, "", Set.of());
            }
            PackageDto.VersionSummary last = vs.get(vs.size() - 1);
            Set<String> chain = new HashSet<>();
            vs.forEach(s -> chain.add(s.hash()));
            return new Latest(last.version(), last.hash(), chain);
        } catch (SyncException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return new Latest(0, "", Set.of());
            }
            throw e;
        }
    }

    private static String versionsPath(String packageId) {
        return Wire.PACKAGES + "/" + URLEncoder.encode(packageId, StandardCharsets.UTF_8) + "/versions";
    }

    /** Publishes or rebases one version; returns null when it was only rebased (the new version is published next). */
    private Outcome publishOne(FrozenVersion v) {
        String title = CanonicalJson.parse(v.manifest()).path("title").asText("");
        JsonNode m = CanonicalJson.parse(v.manifest());
        DeviceKey key = enrolledKey(ws).orElseThrow(() -> new SyncException(ErrorCode.UNAUTHENTICATED, null, "sync.error.notEnrolled"));
        Latest latest;
        try {
            latest = latest(v.packageId());
            PackageVersions.Parent parent = PackageVersions.Parent.of(m);
            // Already on the platform (the answer was lost): sending it again returns the stored answer.
            boolean sent = latest.chain().contains(PackageVersions.hash(v.manifest()));
            boolean fits = sent || key.publicKeyBase64().equals(m.path("signer").path("public_key").asText())
                    && parent.version() == latest.number() && parent.hash().equals(latest.hash()) && v.number() > latest.number();
            if (fits) {
                for (PackageFiles.FileRef f : PackageVersions.files(m)) {
                    engine.uploadBlob(f.sha256());
                }
                hooks("publish-before-send");
                PackageDto.PublishRequest req = new PackageDto.PublishRequest(v.manifest(), v.signature(), parent.version(),
                        parent.hash(), v.records());
                try {
                    PackageDto.PublishResponse r = engine.authorised(t -> engine.client().post(versionsPath(v.packageId()), req,
                            PackageDto.PublishResponse.class, t));
                    hooks("publish-after-response");
                    Publication before = publication(ws, v.id());
                    save(v, new Publication(State.PUBLISHED, r.version(), r.hash(), r.countersignature(), r.serverKey(),
                            r.publishedAt(), null, 0, null, before.keptMine()));
                    return new Outcome(v.packageId(), title, r.version(), r.hash(), r.duplicate(), 0, 0, List.of(), List.of(), null);
                } catch (SyncException e) {
                    if (e.code() != ErrorCode.PACKAGE_VERSION_CONFLICT) {
                        throw e;
                    }
                    LOG.info("package {} v{}: another version was published first, rebasing", v.packageId(), v.number());
                    latest = latest(v.packageId());
                }
            }
            return rebase(v, m, key, latest, title);
        } catch (SyncException e) {
            if (e.retryable() || e.code() == ErrorCode.UNAUTHENTICATED || e.code() == ErrorCode.TOKEN_EXPIRED
                    || e.code() == ErrorCode.DEVICE_REVOKED) {
                throw e;
            }
            // The server's message starts with its code ("LEAD_REQUIRED: only a team lead publishes packages").
            Object[] args = e.args();
            String error = e instanceof PlatformClient.ServerError && args.length > 1 && String.valueOf(args[1]).startsWith(e.code().name())
                    ? String.valueOf(args[1]) : e.code().name() + " " + java.util.Arrays.toString(args);
            save(v, new Publication(State.FAILED, 0, null, null, null, null, null, 0, error, List.of()));
            return new Outcome(v.packageId(), title, 0, null, false, 0, 0, List.of(), List.of(), error);
        }
    }

    private void hooks(String point) {
        engine.hook(point);
    }

    /** Freezes {@code v}'s content again on top of the platform's latest version, merged with it. */
    private Outcome rebase(FrozenVersion v, JsonNode m, DeviceKey key, Latest latest, String title) {
        Map<String, String> theirsRecords = Map.of();
        List<PackageFiles.FileRef> theirsFiles = List.of();
        Set<String> chain = latest.chain();
        if (latest.number() > 0) {
            PackageDto.PublishedVersion pv = engine.authorised(t -> engine.client().get(versionsPath(v.packageId()) + "/"
                    + latest.number(), PackageDto.PublishedVersion.class, t));
            checkFetched(pv);
            theirsRecords = pv.records();
            JsonNode tm = CanonicalJson.parse(pv.manifest());
            theirsFiles = PackageVersions.files(tm);
        }
        // The base of the merge: the newest ancestor of v (by parent hash, through local versions) that is on the platform.
        Map<String, String> baseRecords = Map.of();
        List<PackageFiles.FileRef> baseFiles = List.of();
        List<FrozenVersion> local = repo.versions(v.packageId());
        PackageVersions.Parent p = PackageVersions.Parent.of(m);
        for (int depth = 0; depth < local.size() && p.version() > 0; depth++) {
            PackageVersions.Parent want = p;
            Optional<FrozenVersion> anc = local.stream().filter(x -> PackageVersions.hash(x.manifest()).equals(want.hash())).findFirst();
            if (anc.isEmpty()) {
                break;
            }
            if (chain.contains(want.hash())) {
                baseRecords = anc.get().records();
                baseFiles = PackageVersions.files(CanonicalJson.parse(anc.get().manifest()));
                break;
            }
            p = PackageVersions.Parent.of(CanonicalJson.parse(anc.get().manifest()));
        }
        Merge<String> records = merge(baseRecords, v.records(), theirsRecords);
        Merge<PackageFiles.FileRef> files = merge(byPath(baseFiles), byPath(PackageVersions.files(m)), byPath(theirsFiles));
        for (PackageFiles.FileRef f : files.result().values()) {
            engine.downloadBlob(f.sha256());
        }
        int localMax = local.stream().mapToInt(FrozenVersion::number).max().orElse(0);
        int number = Math.max(localMax, latest.number()) + 1;
        String newId = Ids.newId();
        List<String> kept = new ArrayList<>(new TreeSet<>(records.keptMine()));
        kept.addAll(files.keptMine());
        List<String> taken = new ArrayList<>(records.fromTheirs());
        taken.addAll(files.fromTheirs());
        save(v, new Publication(State.REBASING, 0, null, null, null, null, newId, number, null, kept));
        hooks("rebase-before-freeze");
        String packageJson = records.result().get("records/package.json");
        SolutionPackage pkg = packageJson != null ? SolutionCodec.packageFrom(CanonicalJson.parse(packageJson))
                : repo.getPackage(v.packageId()).orElseThrow();
        FrozenVersion nv = new PackageVersions(repo, PackageFiles.NONE, null, Clock.systemUTC()).freezeContent(newId, pkg, number,
                new PackageVersions.Parent(latest.number(), latest.hash()), records.result(),
                new ArrayList<>(files.result().values()), key, m.path("author").asText(""));
        save(v, new Publication(State.REBASED, 0, null, null, null, null, nv.id(), nv.number(), null, kept));
        save(nv, new Publication(State.LOCAL, 0, null, null, null, null, null, 0, null, kept));
        LOG.info("package {} v{} rebased onto platform v{} as v{}: {} from theirs, {} kept mine", v.packageId(), v.number(),
                latest.number(), nv.number(), taken.size(), kept.size());
        Outcome published = publishOne(nv);
        return new Outcome(v.packageId(), title, published.publishedNumber(), published.hash(), published.duplicate(), v.number(),
                latest.number(), taken, kept, published.error());
    }

    /** The fetched version's records match its manifest and its signatures verify. */
    private static void checkFetched(PackageDto.PublishedVersion pv) {
        byte[] manifest = pv.manifest().getBytes(StandardCharsets.UTF_8);
        boolean ok = DeviceKey.verify(pv.devicePublicKey(), manifest, pv.signature())
                && DeviceKey.verify(pv.serverKey(), pv.countersigned().getBytes(StandardCharsets.UTF_8), pv.countersignature())
                && PackageVersions.hash(pv.manifest()).equals(pv.hash());
        Map<String, String> listed = new TreeMap<>();
        PackageVersions.hashes(CanonicalJson.parse(pv.manifest())).forEach((path, sha) -> {
            if (path.startsWith("records/")) {
                listed.put(path, sha);
            }
        });
        Map<String, String> got = new TreeMap<>();
        pv.records().forEach((path, content) -> got.put(path, CanonicalJson.sha256(content.getBytes(StandardCharsets.UTF_8))));
        if (!ok || !listed.equals(got)) {
            throw new SyncException(ErrorCode.SIGNATURE_INVALID, null, "sync.error.server", ErrorCode.SIGNATURE_INVALID.name(),
                    pv.packageId() + " v" + pv.version());
        }
    }

    private static Map<String, PackageFiles.FileRef> byPath(List<PackageFiles.FileRef> files) {
        Map<String, PackageFiles.FileRef> out = new TreeMap<>();
        files.forEach(f -> out.put("files/" + f.sha256(), f));
        return out;
    }

    /** A three-way merge by path: the result, paths taken from theirs, and paths both changed where mine was kept. */
    record Merge<T>(Map<String, T> result, List<String> fromTheirs, List<String> keptMine) {
    }

    static <T> Merge<T> merge(Map<String, T> base, Map<String, T> mine, Map<String, T> theirs) {
        Set<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(mine.keySet());
        paths.addAll(theirs.keySet());
        Map<String, T> out = new TreeMap<>();
        List<String> fromTheirs = new ArrayList<>();
        List<String> keptMine = new ArrayList<>();
        for (String path : paths) {
            T b = base.get(path);
            T m = mine.get(path);
            T t = theirs.get(path);
            T pick;
            if (Objects.equals(m, t) || Objects.equals(t, b)) {
                pick = m;
            } else if (Objects.equals(m, b)) {
                pick = t;
                fromTheirs.add(path);
            } else {
                pick = m;
                keptMine.add(path);
            }
            if (pick != null) {
                out.put(path, pick);
            }
        }
        return new Merge<>(out, fromTheirs, keptMine);
    }
}
