package cn.ecoaid.ui.util;

import cn.ecoaid.domain.CancelledException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work on daemon threads and hands results to the JavaFX application thread. */
public final class FxUiExecutor implements UiExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);
    private final TaskMonitor monitor = new TaskMonitor();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ecoaid-background-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundTask task = new BackgroundTask(title, this);
        onUiThread(() -> monitor.running().add(task));
        pool.execute(() -> {
            try {
                T result = work.run(task);
                onUiThread(() -> {
                    monitor.running().remove(task);
                    if (!task.isCancelled()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (CancelledException e) {
                onUiThread(() -> monitor.running().remove(task));
            } catch (Exception | Error e) {
                LOG.warn("background task failed: {}", title, e);
                onUiThread(() -> {
                    monitor.running().remove(task);
                    onFailure.accept(e);
                });
            }
        });
        return task;
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public TaskMonitor monitor() {
        return monitor;
    }
}
