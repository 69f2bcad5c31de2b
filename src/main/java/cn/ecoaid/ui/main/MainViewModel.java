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

    public MainViewModel(Workspace workspace, UiExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
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

    /** "Offline · 3 changes waiting": no sync server can be configured yet, so the workbench is always offline. */
    public StringProperty syncStatusProperty() {
        return syncStatus;
    }

    public void refreshStatus() {
        syncStatus.set(Messages.get("status.offline", workspace.outbox().pendingCount()));
    }
}
