package cn.ecoaid.ui.overview;

import cn.ecoaid.domain.Project;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Project overview: who, where, when, how much, last change and last confirmed sync. */
public final class OverviewViewModel {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Workspace workspace;
    private final StringProperty project = new SimpleStringProperty();
    private final StringProperty city = new SimpleStringProperty();
    private final StringProperty period = new SimpleStringProperty();
    private final StringProperty team = new SimpleStringProperty();
    private final StringProperty counts = new SimpleStringProperty();
    private final StringProperty lastChange = new SimpleStringProperty();
    private final StringProperty lastSync = new SimpleStringProperty();

    public OverviewViewModel(Workspace workspace) {
        this.workspace = workspace;
        refresh();
    }

    public void refresh() {
        Project p = workspace.project();
        Workspace.Summary s = workspace.summary();
        project.set(p.name());
        city.set(Messages.get("overview.cityValue", p.cityName(), p.cityCode()));
        period.set(p.periodStart() == null && p.periodEnd() == null ? Messages.get("overview.notSet")
                : Messages.get("overview.periodValue", String.valueOf(p.periodStart()), String.valueOf(p.periodEnd())));
        team.set(p.team().isEmpty() ? Messages.get("overview.notSet") : String.join("；", p.team().stream()
                .map(m -> Messages.get("overview.memberValue", m.name(), m.role(), m.organisation())).toList()));
        counts.set(Messages.get("overview.countsValue", s.sites(), s.pendingOperations()));
        lastChange.set(s.lastChange() == null ? Messages.get("overview.never") : LOCAL.format(Instant.parse(s.lastChange())));
        lastSync.set(s.lastSync() == null ? Messages.get("overview.neverSynced") : LOCAL.format(Instant.parse(s.lastSync())));
    }

    public StringProperty projectProperty() {
        return project;
    }

    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty periodProperty() {
        return period;
    }

    public StringProperty teamProperty() {
        return team;
    }

    public StringProperty countsProperty() {
        return counts;
    }

    public StringProperty lastChangeProperty() {
        return lastChange;
    }

    public StringProperty lastSyncProperty() {
        return lastSync;
    }
}
