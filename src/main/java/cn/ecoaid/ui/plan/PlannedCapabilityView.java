package cn.ecoaid.ui.plan;

import cn.ecoaid.l10n.Messages;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The page of a capability whose desktop view is not built yet: what it will do and how to reach what already works
 * (its command-line commands), never a blank page.
 */
public final class PlannedCapabilityView {
    private final VBox root;

    public PlannedCapabilityView(String section) {
        Label title = new Label(Messages.get("nav." + section));
        title.getStyleClass().add("page-title");
        Label status = new Label(Messages.get("plan.status"));
        status.getStyleClass().add("hint-text");
        Label body = new Label(Messages.get("plan." + section));
        body.setWrapText(true);
        body.setId("plan-body");
        root = new VBox(12, title, status, body);
    }

    public Parent root() {
        return root;
    }
}
