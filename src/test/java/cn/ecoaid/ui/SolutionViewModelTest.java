package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.solution.DeviceKey;
import cn.ecoaid.solution.InMemorySolutionRepository;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.PackageFiles;
import cn.ecoaid.ui.solution.SolutionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolutionViewModelTest {
    @TempDir
    Path dir;

    private SolutionViewModel vm(InMemorySolutionRepository repo) {
        DeviceKey key = DeviceKey.generate();
        return new SolutionViewModel(repo, PackageFiles.NONE, new BlockSources(),
                new BlockSource.Context(dir, Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC)),
                () -> key, "tester", "示例市", new ImmediateUiExecutor());
    }

    @Test
    void createAddEditFreezeAndExport() throws Exception {
        InMemorySolutionRepository repo = new InMemorySolutionRepository();
        SolutionViewModel vm = vm(repo);
        assertTrue(vm.packages().isEmpty());
        vm.createPackage("示例市一市一策");
        assertEquals(1, vm.packages().size());
        assertEquals("示例市", vm.selectedProperty().get().city());

        assertTrue(vm.addMeasure("燃煤锅炉超低排放改造", MeasureType.ENGINEERING, "市生态环境局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 5000.0, "PM2.5=120.5, NOx=300"));
        assertEquals(Map.of("PM2.5", 120.5, "NOx", 300.0), vm.measures().get(0).reductions());
        // An end before the start is refused with the rule's message, nothing is added.
        assertFalse(vm.addMeasure("倒序", MeasureType.MANAGEMENT, "", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), null, ""));
        assertEquals(Messages.get("solution.invalid.period", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1)),
                vm.messageProperty().get());
        assertEquals(1, vm.measures().size());

        vm.setStatus(vm.measures().get(0), MeasureStatus.DONE);
        assertEquals(MeasureStatus.DONE, repo.measures(vm.selectedProperty().get().id()).get(0).status());

        vm.saveSection(cn.ecoaid.solution.SectionKind.DIAGNOSIS, "2025 年 PM2.5 年均浓度 38 µg/m³。");
        assertEquals("2025 年 PM2.5 年均浓度 38 µg/m³。", vm.sectionText(cn.ecoaid.solution.SectionKind.DIAGNOSIS));
        assertEquals("", vm.sectionText(cn.ecoaid.solution.SectionKind.ROADMAP));

        vm.freeze();
        assertEquals(1, vm.versions().size());
        // package, 1 section, 1 measure
        assertEquals(3, vm.versions().get(0).records().size());
        assertEquals(1, vm.versions().get(0).number());

        Path docx = dir.resolve("r.docx");
        vm.exportWord(docx);
        assertTrue(Files.size(docx) > 10_000, vm.messageProperty().get());
        Path xlsx = dir.resolve("r.xlsx");
        vm.exportExcel(xlsx);
        assertTrue(Files.size(xlsx) > 3_000, vm.messageProperty().get());
    }

    @Test
    void anEmptyTitleIsRefused() {
        SolutionViewModel vm = vm(new InMemorySolutionRepository());
        vm.createPackage("  ");
        assertTrue(vm.packages().isEmpty());
        assertEquals(Messages.get("solution.invalid.titleMissing"), vm.messageProperty().get());
    }
}
