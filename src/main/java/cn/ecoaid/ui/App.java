package cn.ecoaid.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Composition root of the desktop application. */
public final class App extends Application {
    public static void launchDesktop(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle(cn.ecoaid.l10n.Messages.get("app.title"));
        stage.show();
    }
}
