package cn.ecoaid.ui.util;

import cn.ecoaid.domain.ProgressListener;
import java.util.function.Consumer;

/**
 * The one way the UI runs long work: off the FX thread, with progress and cancel, results back on the FX thread.
 * Tests use an executor that runs everything at once on the calling thread.
 */
public interface UiExecutor {
    /** Long work that reports progress and checks for cancellation. */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressListener progress) throws Exception;
    }

    /** Starts {@code work}; exactly one of the callbacks runs afterwards on the UI thread (none when cancelled). */
    <T> BackgroundTask run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a short action on the UI thread (now, if already on it). */
    void onUiThread(Runnable action);

    /** Tasks now running, for the status bar. */
    TaskMonitor monitor();
}
