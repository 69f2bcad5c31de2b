package cn.ecoaid.ui.pmf;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.ui.util.ResultTables;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The rotation tab of the PMF page: DISP, Fpeak and constrained model of the best model. */
public final class RotationPane {
    private final VBox root = new VBox(8);
    private final RotationViewModel vm;

    public RotationPane(RotationViewModel vm) {
        this.vm = vm;
        Label intro = new Label(Messages.get("pmf.ui.rot.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint-text");
        Label message = new Label();
        message.setId("pmf-rot-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TextField levels = new TextField();
        levels.setPrefColumnCount(10);
        levels.textProperty().bindBidirectional(vm.dispLevelsProperty());
        Button disp = new Button(Messages.get("pmf.ui.rot.runDisp"));
        disp.setId("pmf-rot-disp");
        disp.setOnAction(e -> vm.runDisp());
        TableView<List<String>> dispTable = ResultTables.create("pmf-rot-disp-table", FXCollections.observableArrayList(
                Messages.get("pmf.ui.col.factor"), Messages.get("pmf.ui.col.species"), Messages.get("pmf.ui.rot.col.base"),
                "dQmax", Messages.get("pmf.ui.rot.col.lower"), Messages.get("pmf.ui.rot.col.upper"),
                Messages.get("pmf.ui.rot.col.dqLower"), Messages.get("pmf.ui.rot.col.dqUpper")), vm.dispRows(),
                Messages.get("pmf.ui.rot.none"));
        TableView<List<String>> swaps = ResultTables.create("pmf-rot-swaps", FXCollections.observableArrayList("dQmax"),
                vm.swapRows(), Messages.get("pmf.ui.rot.none"));
        swaps.setPrefWidth(360);
        vm.swapRows().addListener((ListChangeListener<List<String>>) c -> {
            List<String> head = new ArrayList<>(List.of("dQmax"));
            int p = vm.swapRows().isEmpty() ? 0 : vm.swapRows().get(0).size() - 1;
            for (int k = 0; k < p; k++) {
                head.add(Messages.get("pmf.ui.rot.col.swaps", k + 1));
            }
            ResultTables.setHeaders(swaps, head);
        });
        HBox dispTables = new HBox(8, dispTable, swaps);
        HBox.setHgrow(dispTable, Priority.ALWAYS);

        TextField strengths = new TextField();
        strengths.setPrefColumnCount(10);
        strengths.textProperty().bindBidirectional(vm.strengthsProperty());
        Button fpeak = new Button(Messages.get("pmf.ui.rot.runFpeak"));
        fpeak.setId("pmf-rot-fpeak");
        fpeak.setOnAction(e -> vm.runFpeak());
        TableView<List<String>> fpeakTable = ResultTables.create("pmf-rot-fpeak-table", FXCollections.observableArrayList(
                Messages.get("pmf.ui.rot.col.strength"), "Q(robust)", "Q(true)", "dQ", Messages.get("pmf.ui.col.converged")),
                vm.fpeakRows(), Messages.get("pmf.ui.rot.none"));
        fpeakTable.setPrefHeight(120);

        Button chooseConstraints = new Button(Messages.get("pmf.ui.rot.chooseConstraints"));
        Label constraintsName = new Label();
        constraintsName.textProperty().bind(vm.constraintsFileProperty().map(p -> String.valueOf(p.getFileName()))
                .orElse(Messages.get("inventory.ui.noFile")));
        chooseConstraints.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("sites.fileType"), "*.csv", "*.xlsx"));
            File f = c.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.constraintsFileProperty().set(f.toPath());
            }
        });
        Button constrained = new Button(Messages.get("pmf.ui.rot.runConstraints"));
        constrained.setId("pmf-rot-constraints");
        constrained.setOnAction(e -> vm.runConstraints());
        TableView<List<String>> constrainedTable = ResultTables.create("pmf-rot-constrained-table",
                FXCollections.observableArrayList(Messages.get("pmf.ui.col.factor"), Messages.get("pmf.ui.col.species"),
                        Messages.get("pmf.ui.rot.col.base"), Messages.get("pmf.ui.rot.col.constrained")),
                vm.constrainedRows(), Messages.get("pmf.ui.rot.none"));

        HBox lower = new HBox(8, fpeakTable, constrainedTable);
        HBox.setHgrow(constrainedTable, Priority.ALWAYS);
        root.getChildren().setAll(intro, message,
                row(new Label("dQmax"), levels, disp), dispTables,
                row(new Label(Messages.get("pmf.ui.rot.strengths")), strengths, fpeak, chooseConstraints,
                        constraintsName, constrained), lower);
        VBox.setVgrow(dispTables, Priority.ALWAYS);
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    public Parent root() {
        return root;
    }
}
