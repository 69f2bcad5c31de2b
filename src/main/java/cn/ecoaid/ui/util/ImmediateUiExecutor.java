package cn.ecoaid.ui.util;

import cn.ecoaid.domain.CancelledException;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: view-model tests and the guide-screenshot tool need no waiting. */
public final class ImmediateUiExecutor implements UiExecutor {
    private final TaskMonitor monitor = new TaskMonitor();

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundTask task = new BackgroundTask(title, this);
        T result;
        try {
            result = work.run(task);
        } catch (CancelledException e) {
            return task;
        } catch (Exception e) {
            onFailure.accept(e);
            return task;
        }
        onSuccess.accept(result);
        return task;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public TaskMonitor monitor() {
        return monitor;
    }
}
