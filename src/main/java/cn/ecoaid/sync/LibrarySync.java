package cn.ecoaid.sync;

import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibraryVersion;
import cn.ecoaid.protocol.LibraryDto;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.store.SqliteLibraryRepository;
import cn.ecoaid.store.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pulls the platform's reference libraries on their own channels (SYNC.md §10): for each kind, the versions after the
 * kind's cursor, page by page; each page's versions (hash-checked) and the advanced cursor commit in one transaction.
 * A cursor ahead of what is held here, or ahead of the platform's latest version (a tampered cursor, a platform restored
 * from an older backup), is reset and the versions are pulled again — those already held are compared by hash, never
 * overwritten.
 */
public final class LibrarySync {
    /** One kind after a pull: versions added, the newest held and whether its cursor had to be reset. */
    public record Moved(LibraryKind kind, int added, long latestHeld, boolean reset) {
    }

    /** What a library pull moved, per kind. */
    public record Report(List<Moved> kinds) {
        public int added() {
            return kinds.stream().mapToInt(Moved::added).sum();
        }
    }

    /** The calls this needs, with the engine's token and retries. */
    @FunctionalInterface
    interface Getter {
        <T> T get(String path, Class<T> type);
    }

    private final Getter http;
    private final SqliteLibraryRepository repo;
    private final int pageSize;

    LibrarySync(Getter http, Workspace ws, int pageSize) {
        this.http = http;
        this.repo = SqliteLibraryRepository.of(ws);
        this.pageSize = pageSize;
    }

    Report pull() {
        LibraryDto.Kinds kinds = http.get(Wire.LIBRARIES, LibraryDto.Kinds.class);
        List<Moved> out = new ArrayList<>();
        for (LibraryDto.KindInfo info : kinds.kinds()) {
            Optional<LibraryKind> kind = LibraryKind.parse(info.kind());
            if (kind.isEmpty()) {
                continue; // a kind a newer platform offers and this build does not know
            }
            out.add(pull(kind.get(), info.latestVersion()));
        }
        return new Report(List.copyOf(out));
    }

    private Moved pull(LibraryKind kind, long latest) {
        long since = repo.cursor(kind);
        long held = repo.maxHeld(kind);
        boolean reset = false;
        if (since > held) {
            since = held;
            reset = true;
        }
        if (since > latest) {
            since = 0;
            reset = true;
        }
        if (since == latest) {
            if (reset) {
                repo.setCursor(kind, since);
            }
            return new Moved(kind, 0, repo.maxHeld(kind), reset);
        }
        int added = 0;
        while (true) {
            LibraryDto.Page page = http.get(Wire.LIBRARIES + "/" + kind.id() + "?since=" + since + "&limit=" + pageSize,
                    LibraryDto.Page.class);
            List<SqliteLibraryRepository.Incoming> incoming = new ArrayList<>();
            for (LibraryDto.Version v : page.versions()) {
                List<List<String>> rows = v.rows() == null ? List.of() : v.rows();
                incoming.add(new SqliteLibraryRepository.Incoming(new LibraryVersion(kind, v.version(), v.label(), v.sha256(),
                        v.scope(), v.fileName(), rows.size(), v.loadedAt(), v.loadedBy(), null),
                        new LibraryContent(kind, v.headers() == null ? List.of() : v.headers(), rows)));
            }
            added += repo.apply(kind, incoming, page.next());
            if (!page.more() || page.next() <= since) {
                break;
            }
            since = page.next();
        }
        return new Moved(kind, added, repo.maxHeld(kind), reset);
    }
}
