package cn.ecoaid.ui.sites;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.domain.SiteRules;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sites.SiteExport;
import cn.ecoaid.sites.SiteImport;
import cn.ecoaid.ui.util.UiExecutor;
import cn.ecoaid.ui.util.UndoManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The site table: add with inline validation, edit, delete, undo/redo, import and export. */
public final class SitesViewModel {
    private final SiteRepository repository;
    private final UiExecutor executor;
    private final Runnable changed;
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final UndoManager undo = new UndoManager();

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<SiteType> type = new SimpleObjectProperty<>(SiteType.AIR_STATION);
    private final StringProperty longitude = new SimpleStringProperty("");
    private final StringProperty latitude = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public SitesViewModel(SiteRepository repository, UiExecutor executor, Runnable changed) {
        this.repository = repository;
        this.executor = executor;
        this.changed = changed;
        reload();
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    public UndoManager undoManager() {
        return undo;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<SiteType> typeProperty() {
        return type;
    }

    public StringProperty longitudeProperty() {
        return longitude;
    }

    public StringProperty latitudeProperty() {
        return latitude;
    }

    /** Validation result or outcome of the last action, translated. */
    public StringProperty messageProperty() {
        return message;
    }

    public void reload() {
        sites.setAll(repository.list());
    }

    /** Adds the site of the form; on a broken rule shows it and keeps the form. */
    public boolean addFromForm() {
        List<String> errors = new ArrayList<>();
        Double lon = parse(longitude.get(), SiteRules.LONGITUDE, errors);
        Double lat = parse(latitude.get(), SiteRules.LATITUDE, errors);
        if (!errors.isEmpty()) {
            message.set(String.join("\n", errors));
            return false;
        }
        Site site = Site.create(code.get(), name.get(), type.get(), lon, lat);
        List<FieldProblem> problems = SiteRules.validate(site);
        if (!problems.isEmpty()) {
            message.set(describe(problems));
            return false;
        }
        if (!attempt(() -> undo.execute(new AddEdit(site)))) {
            return false;
        }
        code.set("");
        name.set("");
        longitude.set("");
        latitude.set("");
        message.set(Messages.get("sites.added", site.code()));
        return true;
    }

    /** Replaces {@code before} by {@code after} (an edit in the table); refuses and explains a broken rule. */
    public boolean edit(Site before, Site after) {
        if (before.equals(after)) {
            return true;
        }
        List<FieldProblem> problems = SiteRules.validate(after);
        if (!problems.isEmpty()) {
            message.set(describe(problems));
            reload();
            return false;
        }
        boolean ok = attempt(() -> undo.execute(new UndoManager.Edit() {
            @Override
            public void redo() {
                repository.update(after);
            }

            @Override
            public void undo() {
                repository.update(before);
            }
        }));
        if (ok) {
            message.set("");
        }
        return ok;
    }

    public void delete(Site site) {
        attempt(() -> undo.execute(new UndoManager.Edit() {
            @Override
            public void redo() {
                repository.delete(site.id());
            }

            @Override
            public void undo() {
                repository.restore(site.id());
            }
        }));
    }

    public void undo() {
        attempt(undo::undo);
    }

    public void redo() {
        attempt(undo::redo);
    }

    /** Imports a file in the background; on bad rows hands the refusal to {@code onRejected}. */
    public void importFile(Path file, boolean validOnly, Consumer<Throwable> onFailure) {
        executor.run(Messages.get("sites.importing", file.getFileName()),
                progress -> new SiteImport(repository).importFile(file, validOnly),
                result -> {
                    reload();
                    changed.run();
                    message.set(result.problems().isEmpty()
                            ? Messages.get("cli.site.imported", result.imported(), result.rows())
                            : Messages.get("sites.importedSkipped", result.imported(), result.problems().size()));
                },
                onFailure);
    }

    public void export(Path file, Consumer<Throwable> onFailure) {
        List<Site> snapshot = List.copyOf(sites);
        executor.run(Messages.get("sites.exporting", file.getFileName()), progress -> SiteExport.write(snapshot, file),
                n -> message.set(Messages.get("cli.site.exported", n, file)), onFailure);
    }

    private boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidRecordException e) {
            message.set(describe(e.problems()));
            return false;
        } catch (EcoAidException e) {
            message.set(ErrorText.describe(e));
            return false;
        } finally {
            reload();
            changed.run();
        }
    }

    private static String describe(List<FieldProblem> problems) {
        List<String> lines = new ArrayList<>();
        for (FieldProblem p : problems) {
            lines.add(Messages.get("sites.field." + p.field()) + "：" + Messages.get(p.reasonKey(), p.args().toArray()));
        }
        return String.join("\n", lines);
    }

    private static Double parse(String text, String field, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            errors.add(Messages.get("sites.field." + field) + "：" + Messages.get("site.import.notANumber", text.strip()));
            return null;
        }
    }

    /** Adding a site: first run adds it, undo deletes (tombstone), redo restores the same record. */
    private final class AddEdit implements UndoManager.Edit {
        private final Site site;
        private boolean done;

        AddEdit(Site site) {
            this.site = site;
        }

        @Override
        public void redo() {
            if (done) {
                repository.restore(site.id());
            } else {
                repository.add(site);
                done = true;
            }
        }

        @Override
        public void undo() {
            repository.delete(site.id());
        }
    }
}
