package cn.ecoaid.ui.util;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The background tasks now running; changed only on the UI thread. */
public final class TaskMonitor {
    private final ObservableList<BackgroundTask> running = FXCollections.observableArrayList();

    public ObservableList<BackgroundTask> running() {
        return running;
    }
}
