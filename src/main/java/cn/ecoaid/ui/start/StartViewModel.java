package cn.ecoaid.ui.start;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.Topic;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sample.SampleProject;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.util.UiExecutor;
import cn.ecoaid.ui.util.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Start screen: create a workspace, open one, reopen a recent one. */
public final class StartViewModel {
    private final UserSettings settings;
    private final Clock clock;
    private final String author;
    private final Consumer<Workspace> opened;
    private final UiExecutor executor;

    private final StringProperty cityCode = new SimpleStringProperty("");
    private final StringProperty cityName = new SimpleStringProperty("");
    private final StringProperty projectName = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    public StartViewModel(UserSettings settings, UiExecutor executor, Clock clock, String author, Consumer<Workspace> opened) {
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.author = author;
        this.opened = opened;
        recent.setAll(settings.recentWorkspaces().stream().filter(Files::exists).toList());
    }

    public StringProperty cityCodeProperty() {
        return cityCode;
    }

    public StringProperty cityNameProperty() {
        return cityName;
    }

    public StringProperty projectNameProperty() {
        return projectName;
    }

    /** The last error or hint, translated; empty when all is well. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    /** Where a new workspace will be written unless the user chooses otherwise. */
    public Path suggestedFile() {
        String base = (cityName.get().strip() + "-" + projectName.get().strip()).replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        Path file = settings.workspaceFolder().resolve(base + Workspace.EXTENSION);
        for (int i = 2; Files.exists(file); i++) {
            file = settings.workspaceFolder().resolve(base + "-" + i + Workspace.EXTENSION);
        }
        return file;
    }

    /** Validates the form; creates the workspace at {@code file}; returns false with a message when it could not. */
    public boolean create(Path file) {
        Project p = new Project(Ids.newId(), cityCode.get(), cityName.get(), projectName.get(), null, null,
                List.of(Topic.AIR, Topic.WATER, Topic.INVENTORY), List.of());
        List<FieldProblem> problems = p.validate();
        if (!problems.isEmpty()) {
            message.set(problems.stream().map(fp -> Messages.get(fp.reasonKey(), fp.args().toArray()))
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
            return false;
        }
        return attempt(() -> Workspace.create(file, p, clock, author));
    }

    public boolean open(Path file) {
        return attempt(() -> Workspace.open(file, clock, author));
    }

    private boolean attempt(java.util.function.Supplier<Workspace> action) {
        try {
            Workspace ws = action.get();
            settings.addRecentWorkspace(ws.file());
            message.set("");
            opened.accept(ws);
            return true;
        } catch (EcoAidException e) {
            message.set(ErrorText.describe(e));
            return false;
        }
    }

    /** Where the sample project is kept once built. */
    public Path sampleFile() {
        return settings.workspaceFolder().resolve(SAMPLE_FILE);
    }

    /**
     * Opens the sample project of the fictional city 示例市; builds it first (in the background, from the files in the
     * application) when it is not there yet.
     */
    public void openSample() {
        Path file = sampleFile();
        if (Files.exists(file)) {
            open(file);
            return;
        }
        message.set(Messages.get("start.sample.creating"));
        executor.run(Messages.get("start.sample.creating"), progress -> {
            Files.createDirectories(file.getParent());
            return SampleProject.create(file, clock, author, progress);
        }, ws -> {
            settings.addRecentWorkspace(ws.file());
            message.set("");
            opened.accept(ws);
        }, e -> message.set(ErrorText.describe(e)));
    }

    static final String SAMPLE_FILE = "示例市-示例项目.ecoaid";
}
