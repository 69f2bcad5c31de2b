package cn.ecoaid.ui.main;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.util.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The main window: which section is shown, the title, the sync status line. */
public final class MainViewModel {
    private final Workspace workspace;
    private final UiExecutor executor;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.OVERVIEW);
    private final StringProperty syncStatus = new SimpleStringProperty();
    private final Runnable startBackgroundSync;

    public MainViewModel(Workspace workspace, UiExecutor executor) {
        this(workspace, executor, () -> { });
    }

    /** {@code startBackgroundSync} is called once the workspace is enrolled from the sync page. */
    public MainViewModel(Workspace workspace, UiExecutor executor, Runnable startBackgroundSync) {
        this.workspace = workspace;
        this.executor = executor;
        this.startBackgroundSync = startBackgroundSync;
        refreshStatus();
    }

    /** The workspace has just been enrolled: background sync can start. */
    public void enrolled() {
        startBackgroundSync.run();
        refreshStatus();
    }

    public Workspace workspace() {
        return workspace;
    }

    public UiExecutor executor() {
        return executor;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public String title() {
        return Messages.get("main.title", workspace.project().cityName(), workspace.project().name(),
                workspace.file().getFileName());
    }

    /**
     * The status bar's sync text: "offline (no server) · N waiting" until the workspace is enrolled with a platform, then
     * the platform, the waiting operations and the last sync the platform confirmed (or the last error).
     */
    public StringProperty syncStatusProperty() {
        return syncStatus;
    }

    public void refreshStatus() {
        var state = workspace.syncState();
        String server = state.get("server").orElse("");
        int pending = workspace.outbox().pendingCount();
        if (server.isEmpty() || state.get("device_id").isEmpty()) {
            syncStatus.set(Messages.get("status.offline", pending));
            return;
        }
        String error = state.get("last_error").orElse("");
        String last = state.lastConfirmedSync().map(t -> t.length() > 16 ? t.substring(0, 16).replace('T', ' ') : t)
                .orElse(Messages.get("status.never"));
        syncStatus.set(error.isEmpty() ? Messages.get("status.enrolled", server, pending, last)
                : Messages.get("status.syncFailed", server, pending, last));
    }
}
