package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.ConstrainedSolver;
import cn.ecoaid.pmf.Constraints;
import cn.ecoaid.pmf.Displacement;
import cn.ecoaid.pmf.Fpeak;
import cn.ecoaid.pmf.Objective;
import cn.ecoaid.pmf.PmfData;
import cn.ecoaid.pmf.PmfResults;
import cn.ecoaid.pmf.PreparedInput;
import cn.ecoaid.pmf.Solution;
import cn.ecoaid.ui.pmf.RotationViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rotation tab shows what the core computes on the page's model, and says what is wrong with bad input. */
class RotationViewModelTest {
    @TempDir
    Path dir;

    /** Two separated sources in 24 samples, exact data (the true model is the minimum, Q = 0). */
    static PmfResults model() {
        double[][] f = {{4, 2, 0, 1, 0, 3}, {0, 1, 3, 2, 2, 0}};
        int n = 24;
        int m = 6;
        double[] w = new double[n * 2];
        for (int i = 0; i < n; i++) {
            w[i * 2] = i % 4 == 0 ? 0 : 1 + 0.5 * Math.sin(i);
            w[i * 2 + 1] = i % 5 == 1 ? 0 : 1 + 0.5 * Math.cos(1.3 * i);
        }
        double[] h = new double[2 * m];
        for (int k = 0; k < 2; k++) {
            System.arraycopy(f[k], 0, h, k * m, m);
        }
        double[] x = Objective.product(w, h, n, m, 2);
        double[] u = new double[x.length];
        List<String> samples = new ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            u[c] = 0.1 * x[c] + 0.05;
        }
        for (int i = 0; i < n; i++) {
            samples.add("s" + i);
        }
        PreparedInput in = PreparedInput.prepare(new PmfData(samples, List.of("A", "B", "C", "D", "E", "F"), x, u), false,
                null, null, null);
        return new PmfResults(in, new Solution(-1, n, m, 2, w, h, 0, 0, 0, true, 0));
    }

    @Test
    void showsTheCoresDispFpeakAndConstrainedModel() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        SimpleObjectProperty<PmfResults> results = new SimpleObjectProperty<>();
        RotationViewModel vm = new RotationViewModel(new ImmediateUiExecutor(), results, new SimpleBooleanProperty(false));
        vm.runFpeak();
        assertEquals("请先运行 PMF", vm.messageProperty().get());
        PmfResults r = model();
        results.set(r);

        vm.dispLevelsProperty().set("4, 16");
        vm.runDisp();
        assertEquals(2 * 2 * 6, vm.dispRows().size());
        Displacement.Result d = Displacement.run(r.input(), r.solution(),
                Displacement.Settings.defaults(false).withLevels(4, 16), ProgressListener.NONE);
        List<String> row = vm.dispRows().get(6 * 2 + 6 + 3); // dQmax 16, factor 2, species D
        assertEquals(List.of("因子 2", "D"), row.subList(0, 2));
        assertEquals(d.upper()[1][1][3], Double.parseDouble(row.get(5)), 1e-3 * d.upper()[1][1][3]);
        assertEquals(d.lower()[1][1][3], Double.parseDouble(row.get(4)), 1e-3 * d.upper()[1][1][3]);
        assertEquals(List.of("16", "0/12", "0/12"), vm.swapRows().get(1));
        assertTrue(vm.messageProperty().get().startsWith("DISP 完成"), vm.messageProperty().get());

        vm.strengthsProperty().set("0，0.5");
        vm.runFpeak();
        assertEquals(2, vm.fpeakRows().size());
        assertEquals(0, Double.parseDouble(vm.fpeakRows().get(0).get(3)), 1e-9, "Fpeak 0 keeps the base Q");
        Fpeak.Result f = Fpeak.run(r.input(), r.solution(), 0.5, ConstrainedSolver.Options.defaults(false),
                ProgressListener.NONE);
        assertEquals(f.dq(), Double.parseDouble(vm.fpeakRows().get(1).get(3)), 1e-3 * f.dq());
        vm.strengthsProperty().set("0.5, x");
        vm.runFpeak();
        assertEquals("“x”不是以逗号分隔的数值", vm.messageProperty().get());

        vm.runConstraints();
        assertEquals("请先选择约束表", vm.messageProperty().get());
        Path c = dir.resolve("c.csv");
        Files.writeString(c, "kind,target,factor,species_or_sample,value,dq_percent\nzero,profile,2,B,,\n");
        vm.constraintsFileProperty().set(c);
        vm.runConstraints();
        Constraints.Result cr = Constraints.run(r.input(), r.solution(),
                Constraints.read(TableFiles.read(c), r.input(), 2, "c.csv"), ConstrainedSolver.Options.defaults(false),
                ProgressListener.NONE);
        assertEquals(12, vm.constrainedRows().size());
        assertEquals("0", vm.constrainedRows().get(6 + 1).get(3), "B of factor 2 is zero");
        assertTrue(vm.messageProperty().get().contains("满足：是"), vm.messageProperty().get());
        assertTrue(cr.dq() > 0);

        Files.writeString(c, "kind,target,factor,species_or_sample,value,dq_percent\nzero,profile,3,B,,\n");
        vm.runConstraints();
        assertEquals("约束第 2 行：因子“3”不在 1 到 2 之间", vm.messageProperty().get());
    }
}
