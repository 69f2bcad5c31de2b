package cn.ecoaid.ui;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.Dialogs;
import cn.ecoaid.ui.util.Fonts;
import cn.ecoaid.ui.util.FxUiExecutor;
import cn.ecoaid.ui.util.PreferencesUserSettings;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Composition root of the desktop application: wires settings, executor, clock and the window. */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    public static void launchDesktop(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        Fonts.loadBundled();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("uncaught error on {}", thread.getName(), error);
            Platform.runLater(() -> Dialogs.showError(stage, error));
        });
        PreferencesUserSettings settings = PreferencesUserSettings.forUser();
        String author = System.getProperty("user.name", "unknown");
        Shell shell = new Shell(stage, settings, new FxUiExecutor(), Clock.systemUTC(), author);
        shell.showStart();
        getParameters().getRaw().stream().findFirst().map(java.nio.file.Path::of).ifPresent(shell::openFile);
        stage.setTitle(Messages.get("app.title"));
        try (java.io.InputStream icon = App.class.getResourceAsStream("ecoaid-icon.png")) {
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        } catch (java.io.IOException e) {
            LOG.warn("no window icon", e);
        }
        stage.show();
        String report = System.getProperty("ecoaid.firstWindowFile");
        if (report != null) {
            // Benchmark mode (bench startup): after the first frame is rendered, write the time since JVM start and exit.
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                stage.getScene().removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> {
                    long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(report), Long.toString(ms));
                    } catch (java.io.IOException e) {
                        LOG.error("cannot write {}", report, e);
                    }
                    Platform.exit();
                });
            };
            stage.getScene().addPostLayoutPulseListener(once[0]);
        }
    }
}
