package cn.ecoaid.ui.util;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Undo and redo of edits as command objects (each edit knows how to do and undo itself). */
public final class UndoManager {
    /** A reversible edit. {@link #redo} is called for the first execution too. */
    public interface Edit {
        void redo();

        void undo();
    }

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

    /** Executes the edit and records it; a new edit clears the redo history. */
    public void execute(Edit edit) {
        edit.redo();
        undo.push(edit);
        redo.clear();
        refresh();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            Edit e = undo.peek();
            e.undo();
            undo.pop();
            redo.push(e);
            refresh();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            Edit e = redo.peek();
            e.redo();
            redo.pop();
            undo.push(e);
            refresh();
        }
    }

    public void clear() {
        undo.clear();
        redo.clear();
        refresh();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
