package cn.ecoaid.ui;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.main.MainView;
import cn.ecoaid.ui.main.Section;
import cn.ecoaid.ui.util.Fonts;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import cn.ecoaid.ui.util.UserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the user guide's screenshots from the real window, so that they stay current:
 * {@code java -jar ecoaid.jar guide-screenshots <workspace.ecoaid> <out-dir> [zh|en]} (under Xvfb on a server). Long work
 * runs at once on the FX thread here, so every page is shot with its results in place: the start screen, then each
 * section of the main window after the actions a reader of the guide would take there.
 */
public final class GuideScreenshots extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(GuideScreenshots.class);
    private Path workspaceFile;

    public static void launchWith(String[] args) {
        Application.launch(GuideScreenshots.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        if (args.size() < 2) {
            LOG.error("usage: guide-screenshots <workspace.ecoaid> <out-dir> [zh|en]");
            Platform.exit();
            return;
        }
        Path workspace = Path.of(args.get(0));
        workspaceFile = workspace;
        Path out = Path.of(args.get(1));
        Locale locale = args.size() > 2 && args.get(2).equals("en") ? Messages.ENGLISH : Messages.CHINESE;
        Fonts.loadBundled();
        Shell shell = new Shell(stage, new FixedSettings(locale, workspace), new ImmediateUiExecutor(), Clock.systemUTC(), "guide");
        stage.setWidth(1280);
        stage.setHeight(800);
        Platform.setImplicitExit(false);
        shell.showStart();
        stage.show();
        // The steps run from a worker thread: each page is prepared on the FX thread, then given time to lay out and to
        // finish drawing that happens off the FX thread (the map), then shot.
        Thread worker = new Thread(() -> {
            try {
                Files.createDirectories(out);
                settle();
                onFx(() -> shoot(stage, out.resolve("start.png")));
                onFx(() -> shell.openFile(workspace));
                MainView main = shell.mainView();
                if (main == null) {
                    throw new IllegalStateException("cannot open " + workspace);
                }
                for (Section s : Section.values()) {
                    onFx(() -> {
                        main.select(s);
                        prepare(main, s);
                    });
                    settle();
                    onFx(() -> shoot(stage, out.resolve(s.name().toLowerCase(Locale.ROOT) + ".png")));
                    if (s == Section.PMF) {
                        for (String tab : List.of("pmf.charts.tab", "pmf.ui.tabOfp")) {
                            onFx(() -> {
                                if (stage.getScene().lookup("#pmf-tabs") instanceof javafx.scene.control.TabPane tabs) {
                                    tabs.getTabs().stream().filter(t -> t.getText().equals(Messages.get(tab))).findFirst()
                                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                                }
                            });
                            settle();
                            onFx(() -> shoot(stage, out.resolve(tab.equals("pmf.charts.tab") ? "pmf-charts.png" : "pmf-ofp.png")));
                        }
                    }
                    if (s == Section.INVENTORY) {
                        for (int tab = 1; tab <= 2; tab++) {
                            int t = tab;
                            onFx(() -> {
                                if (stage.getScene().lookup("#inventory-tabs") instanceof javafx.scene.control.TabPane tabs) {
                                    tabs.getSelectionModel().select(t);
                                }
                            });
                            settle();
                            onFx(() -> shoot(stage, out.resolve(t == 1 ? "inventory-scenarios.png" : "inventory-grid.png")));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("screenshots failed", e);
            } finally {
                Platform.exit();
            }
        }, "guide-screenshots");
        worker.setDaemon(true);
        worker.start();
    }

    private static void onFx(Runnable r) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a page lay out and finish background drawing. */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a reader does on a page before the screenshot. */
    private void prepare(MainView main, Section s) {
        Path files = cn.ecoaid.sample.SampleProject.filesFolder(workspaceFile);
        if (s == Section.PMF && java.nio.file.Files.isDirectory(files)) {
            var pmf = main.pmfViewModel();
            pmf.concProperty().set(files.resolve("pmf/pm25-conc.csv"));
            pmf.speciesTableProperty().set(files.resolve("pmf/pm25-species.csv"));
            pmf.load();
            pmf.modelsProperty().set(5);
            pmf.run();
            pmf.vocFileProperty().set(files.resolve("voc/voc.csv"));
            pmf.computeOfp();
        }
        if (s == Section.SOLUTION && !main.solutionViewModel().packages().isEmpty()) {
            main.solutionViewModel().selectedProperty().set(main.solutionViewModel().packages().get(0));
        }
        if (s == Section.INVENTORY) {
            var inv = main.inventoryViewModel();
            if (!inv.saved().isEmpty()) {
                inv.open(inv.saved().get(0));
                inv.compute();
                inv.runScenarios();
                inv.runGrid();
            }
        }
    }

    private static void shoot(Stage stage, Path file) {
        WritableImage image = stage.getScene().snapshot(null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("wrote {}", file);
    }

    /** Settings that change nothing on the user's machine. */
    private record FixedSettings(Locale locale, Path workspace) implements UserSettings {
        @Override
        public Locale language() {
            return locale;
        }

        @Override
        public void setLanguage(Locale l) {
        }

        @Override
        public List<Path> recentWorkspaces() {
            return new ArrayList<>(List.of(workspace.toAbsolutePath()));
        }

        @Override
        public void addRecentWorkspace(Path file) {
        }

        @Override
        public Path workspaceFolder() {
            return workspace.toAbsolutePath().getParent();
        }
    }
}
