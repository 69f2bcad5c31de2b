package cn.ecoaid.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.cli.CliTestAccess;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.pmf.SpeciesCategory;
import cn.ecoaid.ui.pmf.PmfViewModel;
import cn.ecoaid.ui.util.ImmediateUiExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source-apportionment page gives the command line's models and OFP on the sample city's files. */
class PmfViewModelTest {
    static final Path PMF = Path.of("sample-data/project/pmf");
    static final Path VOC = Path.of("sample-data/project/voc/voc.csv");

    @TempDir
    Path dir;

    @Test
    void runsTheCommandLinesModelsAndKeepsTheUsersCategories() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        PmfViewModel vm = new PmfViewModel(new ImmediateUiExecutor());
        vm.run();
        assertEquals("请先读取输入数据", vm.messageProperty().get());
        vm.load();
        assertEquals("请先选择浓度文件", vm.messageProperty().get());
        vm.concProperty().set(PMF.resolve("pm25-conc.csv"));
        vm.load();
        assertEquals("请选择不确定度文件或物种表", vm.messageProperty().get());
        vm.speciesTableProperty().set(PMF.resolve("pm25-species.csv"));
        vm.load();
        assertEquals(20, vm.speciesRows().size());
        assertEquals(List.of("PM2.5"), vm.speciesRows().stream().filter(r -> r.get(2).equals("弱")).map(r -> r.get(0)).toList(),
                "the total variable is weak");
        vm.modelsProperty().set(3);
        vm.run();
        Path out = dir.resolve("cli");
        assertEquals(0, CliTestAccess.run("pmf", "--conc", PMF.resolve("pm25-conc.csv").toString(), "--species-table",
                PMF.resolve("pm25-species.csv").toString(), "--factors", "6", "--models", "3", "--seed", "42", "--out",
                out.toString()));
        JsonNode summary = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
        JsonNode models = summary.get("models");
        assertEquals(3, vm.modelRows().size());
        for (int i = 0; i < 3; i++) {
            double cli = models.get(i).get("Q_true").asDouble();
            assertEquals(cli, Double.parseDouble(vm.modelRows().get(i).get(2)), Math.abs(cli) * 1e-5, "Q(true) of model " + (i + 1));
        }
        assertEquals(6, vm.factorNames().size());
        assertEquals(20, vm.profileRows().size());
        assertTrue(vm.nameRows().stream().anyMatch(r -> r.get(1).equals("二次硫酸盐")), vm.nameRows().toString());

        // the user's categories are used: excluding As leaves 19 species in the model
        int as = vm.speciesRows().stream().map(r -> r.get(0)).toList().indexOf("As");
        vm.setCategory(as, SpeciesCategory.BAD);
        assertEquals("剔除", vm.speciesRows().get(as).get(2));
        vm.run();
        assertEquals(19, vm.profileRows().size());
        vm.export(dir.resolve("ui"));
        assertTrue(Files.isRegularFile(dir.resolve("ui").resolve("summary.json")));
    }

    @Test
    void ozoneFormationPotentialEqualsTheCommandLine() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        PmfViewModel vm = new PmfViewModel(new ImmediateUiExecutor());
        vm.vocFileProperty().set(VOC);
        vm.computeOfp();
        Path out = dir.resolve("ofp.csv");
        assertEquals(0, CliTestAccess.run("ofp", "--input", VOC.toString(), "--unit", "ppbv", "--out", out.toString()));
        Table top = TableFiles.read(dir.resolve("ofp-top.csv"));
        for (int i = 0; i < 3; i++) {
            assertEquals(top.rows().get(i).get(0), vm.ofpRows().get(i).get(0), "rank " + (i + 1));
            double cli = Double.parseDouble(top.rows().get(i).get(1));
            assertEquals(cli, Double.parseDouble(vm.ofpRows().get(i).get(4)), cli * 1e-3);
        }
        Table samples = TableFiles.read(dir.resolve("ofp-samples.csv"));
        double mean = samples.rows().stream().mapToDouble(r -> Double.parseDouble(r.get(samples.headers().indexOf("ofp_total"))))
                .average().orElseThrow();
        double groups = vm.ofpGroupRows().stream().mapToDouble(r -> Double.parseDouble(r.get(1))).sum();
        assertEquals(mean, groups, mean * 1e-3);
        assertTrue(vm.messageProperty().get().contains("unknownane"), vm.messageProperty().get());
        // Each species row names its OFP group (carbonyls are OVOCs), as the group summary does.
        java.util.Set<String> groupNames = new java.util.HashSet<>();
        cn.ecoaid.pmf.ofp.Ofp.GROUPS.forEach(g -> groupNames.add(cn.ecoaid.l10n.Messages.get("pmf.ui.group." + g)));
        vm.ofpRows().forEach(r -> assertTrue(groupNames.contains(r.get(1)), r.toString()));
    }
}
