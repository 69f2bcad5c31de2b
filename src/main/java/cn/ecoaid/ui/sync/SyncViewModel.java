package cn.ecoaid.ui.sync;

import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.store.SyncStateRepository;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.sync.SyncEngine;
import cn.ecoaid.ui.util.UiExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sync page: the platform address, enrolment with a one-time code, pending operations, the last server-confirmed sync
 * and the last error, the history of runs, and for team leads the open conflicts with base / mine / theirs per field.
 * "Synced" is only shown from the server's acknowledgement ({@code last_confirmed_sync}).
 */
public final class SyncViewModel {
    /** One field of one open conflict, as the table shows it. */
    public record ConflictRow(String conflictId, String entity, String entityId, String kind, String field, String base,
                              String mine, String theirs, JsonNode mineValue, JsonNode theirsValue) {
    }

    private final Workspace workspace;
    private final SyncEngine.Options options;
    private final UiExecutor executor;
    private final Runnable onChange;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty("");
    private final StringProperty caCertPath = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty lastSync = new SimpleStringProperty("");
    private final StringProperty lastError = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty enrolled = new SimpleBooleanProperty();
    private final BooleanProperty lead = new SimpleBooleanProperty();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final ObservableList<String> recordVersions = FXCollections.observableArrayList();
    private Runnable onEnrolled = () -> { };

    public SyncViewModel(Workspace workspace, UiExecutor executor, Runnable onChange) {
        this(workspace, executor, onChange, SyncEngine.Options.defaults());
    }

    /** With explicit retry and batch settings (tests use short backoffs). */
    public SyncViewModel(Workspace workspace, UiExecutor executor, Runnable onChange, SyncEngine.Options options) {
        this.options = options;
        this.workspace = workspace;
        this.executor = executor;
        this.onChange = onChange;
        SyncEngine.enrolledServer(workspace).ifPresent(u -> server.set(u.toString()));
        refresh();
    }

    /** Called after a successful enrolment (the window starts background sync). */
    public void setOnEnrolled(Runnable onEnrolled) {
        this.onEnrolled = onEnrolled;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** The platform's CA certificate file (PEM) to pin for HTTPS; blank for the system trust store. */
    public StringProperty caCertPathProperty() {
        return caCertPath;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty pendingProperty() {
        return pending;
    }

    public StringProperty lastSyncProperty() {
        return lastSync;
    }

    public StringProperty lastErrorProperty() {
        return lastError;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty enrolledProperty() {
        return enrolled;
    }

    /** True for a team lead (or admin): the conflicts list is theirs to resolve. */
    public BooleanProperty leadProperty() {
        return lead;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflicts;
    }

    private SyncEngine engine() {
        return new SyncEngine(workspace, URI.create(server.get().strip()), options, SyncEngine.NONE);
    }

    /** Re-reads the workspace's sync state (cheap: a few rows). */
    public void refresh() {
        SyncEngine.Status s = new SyncEngine(workspace, URI.create("http://127.0.0.1")).status();
        enrolled.set(s.enrolled());
        lead.set(s.role() != null && !"MEMBER".equals(s.role()));
        state.set(s.enrolled() ? Messages.get("sync.ui.enrolledAs", s.server(), Messages.get("sync.role." + s.role()))
                : Messages.get("sync.ui.notEnrolled"));
        pending.set(Messages.get("sync.ui.pendingValue", s.pending()));
        lastSync.set(s.lastConfirmedSync() == null ? Messages.get("sync.ui.never") : s.lastConfirmedSync());
        lastError.set(s.lastError() == null ? "" : s.lastError());
        List<String> lines = new ArrayList<>();
        for (SyncStateRepository.Run r : workspace.syncState().history(20)) {
            lines.add(r.error() == null
                    ? Messages.get("sync.ui.run", r.at(), r.pushed(), r.pulled(), r.conflicts(), r.rejected())
                    : Messages.get("sync.ui.runFailed", r.at(), r.error()));
        }
        history.setAll(lines);
        onChange.run();
    }

    /** Fills the platform address (when the QR code has one) and the code from an image of the enrolment QR code. */
    public void readQr(java.nio.file.Path image) {
        try {
            cn.ecoaid.protocol.EnrolmentCode e = cn.ecoaid.protocol.EnrolmentCode.readQr(image);
            code.set(e.code());
            if (e.server() != null) {
                server.set(e.server().toString());
            }
            message.set(Messages.get("sync.ui.qrRead", image.getFileName()));
        } catch (RuntimeException ex) {
            message.set(ErrorText.describe(ex));
        }
    }

    /** Enrols this workspace with the code the team lead gave. */
    public void enrol() {
        if (server.get().isBlank() || code.get().isBlank()) {
            message.set(Messages.get("sync.ui.needServerAndCode"));
            return;
        }
        String name = deviceName.get().isBlank() ? workspace.file().getFileName().toString() : deviceName.get().strip();
        String caFile = caCertPath.get().strip();
        executor.run(Messages.get("sync.ui.enrolling"), p -> caFile.isEmpty() ? engine().enrol(code.get().strip(), name)
                : engine().enrol(code.get().strip(), name, readPem(caFile)), r -> {
            code.set("");
            message.set(Messages.get("sync.ui.enrolled", r.deviceId()));
            refresh();
            onEnrolled.run();
        }, this::failed);
    }

    /** One full sync in the background. */
    public void syncNow() {
        executor.run(Messages.get("sync.ui.syncing"), p -> engine().sync(), r -> {
            message.set(Messages.get("sync.ui.done", r.pushed(), r.pulled(), r.conflicts(), r.rejected()));
            refresh();
            if (lead.get()) {
                loadConflicts();
            }
        }, this::failed);
    }

    /** Loads the team's open conflicts (team leads). */
    public void loadConflicts() {
        executor.run(Messages.get("sync.ui.loadingConflicts"), p -> engine().conflicts(), list -> {
            List<ConflictRow> rows = new ArrayList<>();
            for (Dto.Conflict k : list) {
                for (Map.Entry<String, Dto.FieldConflict> f : k.fields().entrySet()) {
                    rows.add(new ConflictRow(k.id(), k.entity(), k.entityId(), k.kind(), f.getKey(), text(f.getValue().base()),
                            text(f.getValue().mine()), text(f.getValue().theirs()), f.getValue().mine(), f.getValue().theirs()));
                }
            }
            conflicts.setAll(rows);
        }, this::failed);
    }

    /** The versions of the selected conflict's record on the platform, oldest first, one line each. */
    public ObservableList<String> recordVersions() {
        return recordVersions;
    }

    /** Loads the platform's version history of a conflict's record: who changed which fields when, and the values. */
    public void loadVersions(ConflictRow row) {
        executor.run(Messages.get("sync.ui.loadingVersions"), p -> engine().history(row.entity(), row.entityId()), h -> {
            List<String> lines = new ArrayList<>();
            for (Dto.RecordVersion v : h.versions()) {
                String who = v.userName() == null ? v.deviceId() : v.userName() + " / " + v.deviceName();
                String at = v.serverTime() == null ? "" : v.serverTime().replace('T', ' ');
                at = at.length() > 19 ? at.substring(0, 19) : at;
                if (v.deleted() && "DELETE".equals(v.kind())) {
                    lines.add(Messages.get("sync.ui.versionDeleted", v.rev(), at, who));
                } else {
                    JsonNode value = v.data().get(row.field());
                    lines.add(Messages.get("sync.ui.version", v.rev(), at, who, String.join(", ", v.changed()), row.field(),
                            text(value)));
                }
            }
            recordVersions.setAll(lines);
        }, this::failed);
    }

    /** Resolves a conflict field with the device's value ({@code mine}) or the server's; then syncs. */
    public void resolve(ConflictRow row, boolean mine) {
        JsonNode value = mine ? row.mineValue() : row.theirsValue();
        executor.run(Messages.get("sync.ui.resolving"), p -> engine().resolve(row.conflictId(), Map.of(row.field(), value)), r -> {
            message.set(Messages.get("sync.ui.resolved", r.rev()));
            syncNow();
        }, this::failed);
    }

    private static String readPem(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException | RuntimeException e) {
            throw new cn.ecoaid.domain.EcoAidException(e, "sync.ui.caUnreadable", file);
        }
    }

    private void failed(Throwable t) {
        message.set(ErrorText.describe(t));
        refresh();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "—" : n.isTextual() ? n.asText() : n.toString();
    }
}
