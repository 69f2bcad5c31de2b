package cn.ecoaid.ui.util;

import cn.ecoaid.domain.ProgressListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/** A running piece of long work as the status bar shows it: title, progress (−1 = unknown) and cancel. */
public final class BackgroundTask implements ProgressListener {
    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final UiExecutor executor;
    private volatile boolean cancelled;

    public BackgroundTask(String title, UiExecutor executor) {
        this.title = title;
        this.executor = executor;
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(long done, long total) {
        double value = total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        executor.onUiThread(() -> progress.set(value));
    }
}
