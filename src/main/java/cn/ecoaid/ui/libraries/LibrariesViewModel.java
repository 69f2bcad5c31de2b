package cn.ecoaid.ui.libraries;

import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.library.LibraryContent;
import cn.ecoaid.library.LibraryKind;
import cn.ecoaid.library.LibrarySearch;
import cn.ecoaid.library.LibraryVersion;
import cn.ecoaid.store.SqliteLibraryRepository;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.sync.SyncEngine;
import cn.ecoaid.ui.util.UiExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Reference-libraries page (参考库): the technology catalogue, expert directory, emission-factor library and taxa list
 * pulled from the platform, browsed offline — a kind, one of its versions (newest first), a filter in Chinese or
 * English, the matching rows and the details of the selected one, and each library's version, hash and date.
 */
public final class LibrariesViewModel {
    private final Workspace workspace;
    private final SqliteLibraryRepository repo;
    private final UiExecutor executor;
    private final ObjectProperty<LibraryKind> kind = new SimpleObjectProperty<>(LibraryKind.TECHNOLOGY);
    private final ObservableList<LibraryVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<LibraryVersion> version = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final StringProperty versionInfo = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private LibraryContent content;

    public LibrariesViewModel(Workspace workspace, UiExecutor executor) {
        this.workspace = workspace;
        this.repo = SqliteLibraryRepository.of(workspace);
        this.executor = executor;
        kind.addListener((o, a, b) -> loadVersions());
        version.addListener((o, a, b) -> loadContent());
        filter.addListener((o, a, b) -> applyFilter());
        refresh();
    }

    public ObjectProperty<LibraryKind> kindProperty() {
        return kind;
    }

    /** Versions held of the chosen kind, newest first. */
    public ObservableList<LibraryVersion> versions() {
        return versions;
    }

    public ObjectProperty<LibraryVersion> versionProperty() {
        return version;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<String> headers() {
        return headers;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    /** One line per kind: its newest version held, date and hash, or that none is held. */
    public ObservableList<String> summary() {
        return summary;
    }

    public StringProperty versionInfoProperty() {
        return versionInfo;
    }

    public StringProperty countProperty() {
        return count;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Re-reads what the workspace holds. */
    public void refresh() {
        List<String> lines = new ArrayList<>();
        for (LibraryKind k : LibraryKind.values()) {
            Optional<LibraryVersion> v = repo.latest(k);
            lines.add(v.map(x -> Messages.get("library.ui.summary", name(k), x.version(), x.label(), x.loadedAt(), x.rowCount(),
                    shortHash(x.sha256()))).orElse(Messages.get("library.ui.summaryNone", name(k))));
        }
        summary.setAll(lines);
        loadVersions();
    }

    static String name(LibraryKind k) {
        return Messages.get("library.kind." + k.name());
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private void loadVersions() {
        List<LibraryVersion> held = new ArrayList<>(repo.versions(kind.get()));
        java.util.Collections.reverse(held);
        versions.setAll(held);
        LibraryVersion first = held.isEmpty() ? null : held.get(0);
        if (first != null && first.equals(version.get())) {
            loadContent();
        } else {
            version.set(first);
        }
    }

    private void loadContent() {
        LibraryVersion v = version.get();
        details.set("");
        if (v == null) {
            content = null;
            headers.clear();
            rows.clear();
            versionInfo.set(Messages.get("library.ui.noneHeld", name(kind.get())));
            count.set("");
            return;
        }
        versionInfo.set(Messages.get("library.ui.versionInfo", v.version(), v.label(), Messages.get("NATIONAL".equals(v.scope())
                ? "library.ui.scopeNational" : "library.ui.scopeProvince"), v.loadedAt(), v.pulledAt(), v.sha256()));
        content = repo.content(v);
        headers.setAll(content.headers());
        applyFilter();
    }

    private void applyFilter() {
        if (content == null) {
            return;
        }
        List<List<String>> hits = LibrarySearch.search(content, filter.get());
        rows.setAll(hits);
        count.set(Messages.get("library.ui.count", hits.size(), content.rows().size()));
    }

    /** Shows every column of a row, one per line. */
    public void select(List<String> row) {
        if (row == null || content == null) {
            details.set("");
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.headers().size(); i++) {
            String v = i < row.size() ? row.get(i) : "";
            if (!v.isEmpty()) {
                sb.append(content.headers().get(i)).append(": ").append(v).append('\n');
            }
        }
        details.set(sb.toString().strip());
    }

    /** Pulls new library versions from the platform the workspace is enrolled with. */
    public void pull() {
        Optional<java.net.URI> server = SyncEngine.enrolledServer(workspace);
        if (server.isEmpty()) {
            message.set(Messages.get("library.ui.notEnrolled"));
            return;
        }
        executor.run(Messages.get("library.ui.pulling"), p -> new SyncEngine(workspace, server.get()).pullLibraries(), r -> {
            message.set(Messages.get("library.ui.pulled", r.added()));
            refresh();
        }, e -> message.set(ErrorText.describe(e)));
    }
}
