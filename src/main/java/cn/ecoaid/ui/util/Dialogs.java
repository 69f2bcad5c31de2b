package cn.ecoaid.ui.util;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.l10n.ErrorText;
import cn.ecoaid.l10n.Messages;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Error and information dialogs with translated text; users never see stack traces. */
public final class Dialogs {
    private Dialogs() {
    }

    public static void showError(Window owner, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.title"));
        alert.setHeaderText(ErrorText.describe(error));
        if (error instanceof ImportRejectedException rejected) {
            alert.getDialogPane().setExpandableContent(problemList(rejected.problems()));
            alert.getDialogPane().setExpanded(true);
        }
        alert.show();
    }

    public static TextArea problemList(List<Problem> problems) {
        TextArea area = new TextArea(problems.stream().map(ErrorText::describe).collect(Collectors.joining("\n")));
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(15, problems.size() + 1));
        area.setId("problem-list");
        return area;
    }
}
