package cn.ecoaid.ui.solution;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.DocxReport;
import cn.ecoaid.report.XlsxReport;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.solution.DeviceKey;
import cn.ecoaid.solution.FrozenVersion;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.PackageFiles;
import cn.ecoaid.solution.PackageVersions;
import cn.ecoaid.solution.Scope;
import cn.ecoaid.solution.Section;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionDocument;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.SolutionRepository;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.util.UiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Solution page: the workspace's packages, the selected package's measures (add, edit, change status), its frozen
 * versions; freezing and the Word/Excel exports run in the background.
 */
public final class SolutionViewModel {
    private final SolutionRepository repo;
    private final PackageFiles files;
    private final BlockSources blocks;
    private final BlockSource.Context context;
    private final Supplier<DeviceKey> key;
    private final String author;
    private final String defaultCity;
    private final UiExecutor executor;
    private final ObservableList<SolutionPackage> packages = FXCollections.observableArrayList();
    private final ObjectProperty<SolutionPackage> selected = new SimpleObjectProperty<>();
    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObservableList<FrozenVersion> versions = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private Publishing publishing;

    /** The platform side of the page; set only for a workspace enrolled with a platform. */
    public interface Publishing {
        /** The published state of a version, as shown beside it. */
        String state(FrozenVersion v);

        /** Publishes the package's unpublished versions (in the background); returns what to tell the user. */
        String publish(String packageId);
    }

    public SolutionViewModel(SolutionRepository repo, PackageFiles files, BlockSources blocks, BlockSource.Context context,
                             Supplier<DeviceKey> key, String author, String defaultCity, UiExecutor executor) {
        this.repo = repo;
        this.files = files;
        this.blocks = blocks;
        this.context = context;
        this.key = key;
        this.author = author;
        this.defaultCity = defaultCity;
        this.executor = executor;
        selected.addListener((o, a, b) -> reloadSelected());
        reload();
    }

    /** Wiring for a workspace: sites and inventory-totals blocks, the device key file in the user's home. */
    public static SolutionViewModel forWorkspace(Workspace ws, UiExecutor executor) {
        BlockSources sources = cn.ecoaid.blocks.WorkspaceBlocks.of(ws);
        SolutionViewModel vm = new SolutionViewModel(ws.solutions(), ws.solutionFiles(), sources,
                cn.ecoaid.blocks.WorkspaceBlocks.context(ws, Clock.systemUTC()),
                () -> cn.ecoaid.sync.PackagePublisher.signingKey(ws, () -> DeviceKey.loadOrCreate(DeviceKey.defaultFile())),
                System.getProperty("user.name", ""), ws.project().cityName(), executor);
        cn.ecoaid.sync.SyncEngine.enrolledServer(ws).ifPresent(server -> vm.publishing = new PlatformPublishing(ws, server));
        return vm;
    }

    /** Publishing through the workspace's sync engine (docs/solution.md "Publishing to the platform"). */
    private record PlatformPublishing(Workspace ws, java.net.URI server) implements Publishing {
        @Override
        public String state(FrozenVersion v) {
            cn.ecoaid.sync.PackagePublisher.Publication p = cn.ecoaid.sync.PackagePublisher.publication(ws, v.id());
            return switch (p.state()) {
                case PUBLISHED -> Messages.get("solution.ui.pub.PUBLISHED", p.number());
                case REBASED -> Messages.get("solution.ui.pub.REBASED", p.rebasedNumber());
                case FAILED -> Messages.get("solution.ui.pub.FAILED", p.error());
                default -> Messages.get("solution.ui.pub." + p.state().name());
            };
        }

        @Override
        public String publish(String packageId) {
            List<cn.ecoaid.sync.PackagePublisher.Outcome> out = new cn.ecoaid.sync.SyncEngine(ws, server)
                    .publishPackage(packageId, Integer.MAX_VALUE);
            if (out.isEmpty()) {
                return Messages.get("solution.ui.publishNothing");
            }
            cn.ecoaid.sync.PackagePublisher.Outcome last = out.get(out.size() - 1);
            if (last.error() != null) {
                return Messages.get("solution.ui.pub.FAILED", last.error());
            }
            if (last.rebasedFrom() > 0 && last.onto() == 0) {
                return Messages.get("solution.cli.publishResigned", last.rebasedFrom(), last.publishedNumber());
            }
            if (last.rebasedFrom() > 0) {
                return Messages.get("solution.cli.publishRebased", last.rebasedFrom(), last.onto(), last.publishedNumber(),
                        last.fromTheirs().size(), last.keptMine().isEmpty() ? "—" : String.join(", ", last.keptMine()));
            }
            return Messages.get("solution.ui.pub.PUBLISHED", last.publishedNumber());
        }
    }

    /** True when the workspace is enrolled and versions can be published. */
    public boolean canPublish() {
        return publishing != null;
    }

    /** A version's published state for display ("" when the workspace is not enrolled). */
    public String publishedState(FrozenVersion v) {
        return publishing == null ? "" : publishing.state(v);
    }

    /** 发布到平台: publishes the selected package's unpublished versions in the background. */
    public void publish() {
        SolutionPackage p = selected.get();
        if (p == null) {
            message.set(Messages.get("solution.ui.noPackage"));
            return;
        }
        if (publishing == null) {
            message.set(Messages.get("sync.error.notEnrolled"));
            return;
        }
        Publishing target = publishing;
        executor.run(Messages.get("solution.ui.publishing", p.title()), progress -> target.publish(p.id()), text -> {
            reloadSelected();
            message.set(text);
        }, e -> message.set(ErrorText.describe(e)));
    }

    public ObservableList<SolutionPackage> packages() {
        return packages;
    }

    public ObjectProperty<SolutionPackage> selectedProperty() {
        return selected;
    }

    public ObservableList<Measure> measures() {
        return measures;
    }

    public ObservableList<FrozenVersion> versions() {
        return versions;
    }

    public StringProperty messageProperty() {
        return message;
    }

    private void reload() {
        SolutionPackage keep = selected.get();
        packages.setAll(repo.packages());
        if (keep != null) {
            selected.set(packages.stream().filter(p -> p.id().equals(keep.id())).findFirst().orElse(null));
        } else if (!packages.isEmpty()) {
            selected.set(packages.get(0));
        }
        reloadSelected();
    }

    private void reloadSelected() {
        SolutionPackage p = selected.get();
        measures.setAll(p == null ? List.of() : repo.measures(p.id()));
        versions.setAll(p == null ? List.of() : repo.versions(p.id()));
    }

    private boolean guard(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            message.set(ErrorText.describe(e));
            return false;
        }
    }

    public void createPackage(String title) {
        SolutionPackage p = SolutionPackage.create(Scope.CITY, title, defaultCity, "");
        if (guard(() -> repo.addPackage(p))) {
            selected.set(null);
            packages.setAll(repo.packages());
            selected.set(p);
            message.set(Messages.get("solution.cli.created", p.title(), p.id()));
        }
    }

    /** Parses "PM2.5=120, NOx=300" (also "；" or ";" between pairs). */
    static Map<String, Double> reductions(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String pair : text.split("[,，;；]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip(), Double.parseDouble(pair.substring(eq + 1).strip()));
            }
        }
        return out;
    }

    /** Adds a measure from the editor's fields; returns false (with the reason in the message) when invalid. */
    public boolean addMeasure(String name, MeasureType type, String owner, LocalDate start, LocalDate end, Double cost,
                              String reductionsText) {
        SolutionPackage p = selected.get();
        if (p == null) {
            message.set(Messages.get("solution.ui.noPackage"));
            return false;
        }
        return guard(() -> {
            Measure m = new Measure(Ids.newId(), p.id(), name, type, "", "", owner, start, end, cost, reductions(reductionsText),
                    "", MeasureStatus.PLANNED, List.of());
            repo.addMeasure(m);
            reloadSelected();
            message.set(Messages.get("solution.cli.measure", m.name(), m.id()));
        });
    }

    /** Saves an edited measure (same id). */
    public boolean updateMeasure(Measure edited) {
        return guard(() -> {
            repo.updateMeasure(edited);
            reloadSelected();
        });
    }

    /** The team's text of a section of the selected package ("" when none). */
    public String sectionText(SectionKind kind) {
        SolutionPackage p = selected.get();
        if (p == null) {
            return "";
        }
        return repo.sections(p.id()).stream().filter(s -> s.kind() == kind).map(Section::text).findFirst().orElse("");
    }

    /** Saves a section's text, keeping its live blocks. */
    public void saveSection(SectionKind kind, String text) {
        SolutionPackage p = selected.get();
        if (p == null) {
            message.set(Messages.get("solution.ui.noPackage"));
            return;
        }
        guard(() -> {
            List<cn.ecoaid.solution.BlockRef> blocks = repo.sections(p.id()).stream().filter(s -> s.kind() == kind)
                    .findFirst().map(Section::blocks).orElse(List.of());
            repo.saveSection(new Section(Ids.newId(), p.id(), kind, text, blocks));
            message.set(Messages.get("solution.cli.section", Messages.get("solution.section." + kind.name()), blocks.size()));
        });
    }

    public void setStatus(Measure m, MeasureStatus status) {
        updateMeasure(m.withStatus(status));
    }

    public void freeze() {
        SolutionPackage p = selected.get();
        if (p == null) {
            message.set(Messages.get("solution.ui.noPackage"));
            return;
        }
        executor.run(Messages.get("solution.ui.freezing", p.title()), progress ->
                new PackageVersions(repo, files, blocks, context.clock()).freeze(p.id(), context, key.get(), author),
                v -> {
                    reloadSelected();
                    message.set(Messages.get("solution.ui.frozen", p.title(), v.number()));
                }, e -> message.set(ErrorText.describe(e)));
    }

    public void exportWord(Path file) {
        export(file, true);
    }

    public void exportExcel(Path file) {
        export(file, false);
    }

    private void export(Path file, boolean word) {
        SolutionPackage p = selected.get();
        if (p == null) {
            message.set(Messages.get("solution.ui.noPackage"));
            return;
        }
        Messages lang = Messages.current();
        executor.run(Messages.get("solution.ui.exporting", file.getFileName()), progress -> {
            SolutionDocument d = SolutionDocument.collect(repo, blocks, context, p.id());
            if (word) {
                new DocxReport(lang).write(d, file, Optional.empty());
            } else {
                new XlsxReport(lang).write(d, file);
            }
            return file;
        }, f -> message.set(Messages.get("solution.cli.report", p.title(), f)), e -> message.set(ErrorText.describe(e)));
    }
}
