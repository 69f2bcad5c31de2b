package cn.ecoaid.ui.prefs;

import cn.ecoaid.l10n.Messages;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Preferences page: the language (remembered). Applying rebuilds the window in the chosen language. */
public final class PreferencesView {
    private final VBox root;

    public PreferencesView(Locale current, Consumer<Locale> apply, Runnable back) {
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("prefs-language");
        language.getItems().setAll(Messages.CHINESE, Messages.ENGLISH);
        language.setValue(current.getLanguage().equals("en") ? Messages.ENGLISH : Messages.CHINESE);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                // Each language is named in itself, so a user who cannot read the current one still finds theirs.
                return l == null ? "" : l.getLanguage().equals("en") ? "English" : "简体中文";
            }

            @Override
            public Locale fromString(String s) {
                return "English".equals(s) ? Messages.ENGLISH : Messages.CHINESE;
            }
        });
        Button ok = new Button(Messages.get("prefs.apply"));
        ok.setId("prefs-apply");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> apply.accept(language.getValue()));
        Button cancel = new Button(Messages.get("prefs.back"));
        cancel.setOnAction(e -> back.run());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.addRow(0, new Label(Messages.get("prefs.language")), language);
        Label title = new Label(Messages.get("menu.preferences"));
        title.getStyleClass().add("page-title");
        root = new VBox(16, title, grid, new javafx.scene.layout.HBox(8, ok, cancel));
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }
}
