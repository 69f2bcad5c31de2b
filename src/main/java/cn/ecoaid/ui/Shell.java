package cn.ecoaid.ui;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.main.MainView;
import cn.ecoaid.ui.main.MainViewModel;
import cn.ecoaid.ui.prefs.PreferencesView;
import cn.ecoaid.ui.start.StartView;
import cn.ecoaid.ui.start.StartViewModel;
import cn.ecoaid.ui.util.Fonts;
import cn.ecoaid.ui.util.UiExecutor;
import cn.ecoaid.ui.util.UserSettings;
import java.time.Clock;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Owns the window: start screen, main window of the open workspace, preferences; rebuilds on a language change. */
public final class Shell {
    private final Stage stage;
    private final UserSettings settings;
    private final UiExecutor executor;
    private final Clock clock;
    private final String author;
    private Workspace workspace;
    private MainView mainView;
    /** Background sync of the open workspace once it is enrolled with a platform (null otherwise). */
    private cn.ecoaid.sync.SyncScheduler backgroundSync;

    public Shell(Stage stage, UserSettings settings, UiExecutor executor, Clock clock, String author) {
        this.stage = stage;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.author = author;
        Messages.setCurrent(settings.language());
        stage.setOnHidden(e -> closeWorkspace());
    }

    public void showStart() {
        closeWorkspace();
        StartViewModel vm = new StartViewModel(settings, executor, clock, author, this::showWorkspace);
        setRoot(new StartView(vm).root(), Messages.get("app.title"));
    }

    /** Opens a workspace given on the command line; an error stays on the start screen as its message. */
    public void openFile(java.nio.file.Path file) {
        StartViewModel vm = new StartViewModel(settings, executor, clock, author, this::showWorkspace);
        if (!vm.open(file)) {
            StartView view = new StartView(vm);
            setRoot(view.root(), Messages.get("app.title"));
        }
    }

    public void showWorkspace(Workspace ws) {
        if (workspace != null && workspace != ws) {
            stopBackgroundSync();
            workspace.close();
        }
        workspace = ws;
        MainViewModel vm = new MainViewModel(ws, executor, this::startBackgroundSync);
        mainView = new MainView(vm, this::showPreferences, this::showStart);
        setRoot(mainView.root(), vm.title());
        startBackgroundSync();
    }

    /**
     * Starts background sync of the open workspace if it is enrolled and not yet syncing: a run now, every five minutes,
     * after every local change, with backoff up to half an hour while the platform is unreachable. The status bar is
     * refreshed after each run.
     */
    private void startBackgroundSync() {
        if (backgroundSync != null || workspace == null) {
            return;
        }
        backgroundSync = cn.ecoaid.sync.SyncScheduler.background(workspace, java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(30), outcome -> executor.onUiThread(() -> {
                    if (mainView != null) {
                        mainView.viewModel().refreshStatus();
                    }
                })).orElse(null);
    }

    private void stopBackgroundSync() {
        if (backgroundSync != null) {
            backgroundSync.close();
            backgroundSync = null;
        }
    }

    public void showPreferences() {
        setRoot(new PreferencesView(Messages.current().locale(), this::applyLanguage, this::back).root(),
                Messages.get("menu.preferences"));
    }

    private void back() {
        if (workspace != null) {
            showWorkspace(workspace);
        } else {
            showStart();
        }
    }

    private void applyLanguage(Locale locale) {
        settings.setLanguage(locale);
        Messages.setCurrent(locale);
        back();
    }

    /** The main window of the open workspace, if any (for tests and the sample-screenshot tool). */
    public MainView mainView() {
        return mainView;
    }

    public Workspace workspace() {
        return workspace;
    }

    private void setRoot(Parent root, String title) {
        root.setStyle("-fx-font-family: \"" + Fonts.FAMILY + "\", \"Noto Sans CJK SC\", sans-serif;");
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, 1100, 720);
            scene.getStylesheets().add(Shell.class.getResource("/cn/ecoaid/ui/app.css").toExternalForm());
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
        stage.setTitle(title);
    }

    private void closeWorkspace() {
        stopBackgroundSync();
        if (workspace != null) {
            workspace.close();
            workspace = null;
            mainView = null;
        }
    }
}
