package cn.ecoaid.ui.util;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A read-only table of text rows (results of a computation) with the given headers. */
public final class ResultTables {
    private ResultTables() {
    }

    public static TableView<List<String>> create(String id, List<String> headers, ObservableList<List<String>> rows,
                                                 String placeholder) {
        TableView<List<String>> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(new Label(placeholder));
        setHeaders(table, headers);
        return table;
    }

    public static void setHeaders(TableView<List<String>> table, List<String> headers) {
        table.getColumns().clear();
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(headers.get(i));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().size() ? c.getValue().get(index) : ""));
            col.setPrefWidth(Math.max(90, headers.get(i).length() * 14));
            table.getColumns().add(col);
        }
    }
}
