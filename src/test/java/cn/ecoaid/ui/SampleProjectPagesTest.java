package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sample.SampleProject;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import cn.ecoaid.ui.water.WaterViewModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages opened on the sample project show what it keeps, the same as computing from its files. */
class SampleProjectPagesTest {
    @TempDir
    Path dir;

    @Test
    void theWaterPageShowsTheKeptSurveyLikeItsFiles() {
        Messages.setCurrent(Messages.CHINESE);
        Path file = dir.resolve("s.ecoaid");
        try (Workspace ws = SampleProject.create(file, TestWorkspaces.CLOCK, "t", ProgressListener.NONE)) {
            WaterViewModel stored = new WaterViewModel(new ImmediateUiExecutor(), ws.water(), ws.sites());
            stored.loadStored();
            assertEquals(27, stored.classRows().size());
            assertEquals(12, stored.indexRows().size());
            assertTrue(stored.messageProperty().get().contains("2026年清水河—镜湖水生态调查"), stored.messageProperty().get());

            WaterViewModel fromFiles = new WaterViewModel(new ImmediateUiExecutor(), null, ws.sites());
            Path files = SampleProject.filesFolder(file);
            fromFiles.measurementsProperty().set(files.resolve("water/wq-river-season.csv"));
            fromFiles.classify();
            List<List<String>> river = List.copyOf(fromFiles.classRows());
            for (List<String> row : river) {
                assertTrue(stored.classRows().contains(row), "stored classes hold " + row);
            }
            fromFiles.surveyProperty().set(files.resolve("water/benthic-survey.csv"));
            fromFiles.computeIndices();
            assertEquals(List.copyOf(fromFiles.indexRows()), List.copyOf(stored.indexRows()));
        }
    }
}
