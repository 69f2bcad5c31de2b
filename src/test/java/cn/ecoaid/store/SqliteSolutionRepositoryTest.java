package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.SolutionRepository;
import cn.ecoaid.solution.SolutionRepositoryContract;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSolutionRepositoryTest extends SolutionRepositoryContract {
    @TempDir
    Path dir;
    private Workspace ws;

    @Override
    protected SolutionRepository newRepository() {
        ws = TestWorkspaces.create(dir);
        return ws.solutions();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void everyWriteAppendsAnOutboxOperation() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        Measure m = measure(p.id(), "机动车淘汰更新", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 100);
        repo.addMeasure(m);
        repo.updateMeasure(m.withStatus(MeasureStatus.IN_PROGRESS));
        repo.updateMeasure(m.withStatus(MeasureStatus.IN_PROGRESS)); // no change, no operation
        repo.deleteMeasure(m.id());
        List<Outbox.Operation> ops = ws.outbox().forEntity(m.id());
        assertEquals(List.of("UPSERT", "UPSERT", "DELETE"), ops.stream().map(o -> o.kind().name()).toList());
        assertEquals("solution_measure", ops.get(0).entity());
        assertEquals("{\"status\":{\"old\":\"PLANNED\",\"new\":\"IN_PROGRESS\"}}", ops.get(1).changes());
        assertEquals(1, ws.outbox().forEntity(p.id()).size());
        assertEquals(TestWorkspaces.CLOCK.instant().toString(), ops.get(0).createdAt());
    }

    @Test
    void measuresSurviveReopening() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        Measure m = measure(p.id(), "VOCs 综合治理", LocalDate.of(2026, 4, 1), null, 2500.5);
        repo.addMeasure(m);
        Path file = ws.file();
        ws.close();
        ws = Workspace.open(file, TestWorkspaces.CLOCK, "tester");
        assertEquals(List.of(m), ws.solutions().measures(p.id()));
    }
}
