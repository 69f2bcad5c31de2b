package cn.ecoaid.store;

import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.TeamMember;
import cn.ecoaid.domain.Topic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Workspaces for tests, with a fixed clock. */
public final class TestWorkspaces {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    private TestWorkspaces() {
    }

    public static Project sampleProject() {
        return new Project(Ids.newId(), "110100", "示例市", "示例市驻点跟踪研究", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), List.of(Topic.AIR, Topic.WATER),
                List.of(new TeamMember(Ids.newId(), "张三", "组长", "某研究院")));
    }

    public static Workspace create(Path dir) {
        return Workspace.create(dir.resolve("test.ecoaid"), sampleProject(), CLOCK, "tester");
    }
}
