package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.TeamMember;
import cn.ecoaid.domain.Topic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void projectAndTeamRoundTripAndChangesAreRecorded() {
        Project p = TestWorkspaces.sampleProject();
        try (Workspace ws = Workspace.create(dir.resolve("p.ecoaid"), p, TestWorkspaces.CLOCK, "t")) {
            assertEquals(p, ws.project());
            TeamMember added = new TeamMember(Ids.newId(), "李四", "成员", "某大学");
            Project changed = new Project(p.id(), p.cityCode(), p.cityName(), "新名称", p.periodStart(), p.periodEnd(),
                    List.of(Topic.AIR), List.of(added));
            ws.projects().update(changed);
            assertEquals(changed, ws.project());
            assertEquals(List.of("UPSERT", "UPSERT"), ws.outbox().forEntity(p.id()).stream().map(o -> o.kind().name()).toList());
            assertEquals("DELETE", ws.outbox().forEntity(p.team().get(0).id()).get(1).kind().name());
        }
    }

    @Test
    void invalidProjectIsRefused() {
        Project p = TestWorkspaces.sampleProject();
        Project bad = new Project(p.id(), "11", "", "", null, null, List.of(), List.of());
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> Workspace.create(dir.resolve("bad.ecoaid"), bad, TestWorkspaces.CLOCK, "t"));
        assertEquals(3, e.problems().size());
    }
}
