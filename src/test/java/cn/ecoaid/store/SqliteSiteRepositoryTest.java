package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSiteRepositoryTest extends SiteRepositoryContract {
    @TempDir
    Path dir;
    private Workspace ws;

    @Override
    protected SiteRepository newRepository() {
        ws = TestWorkspaces.create(dir);
        return ws.sites();
    }

    @Override
    protected List<String> operationKinds(String siteId) {
        return ws.outbox().forEntity(siteId).stream().map(o -> o.kind().name()).toList();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void sitesSurviveReopening() {
        Site s = station("P1");
        repo.add(s);
        Path file = ws.file();
        ws.close();
        ws = Workspace.open(file, TestWorkspaces.CLOCK, "tester");
        assertEquals(List.of(s), ws.sites().list());
    }

    @Test
    void operationRecordsTheChangedFieldsWithOldAndNewValues() throws Exception {
        Site s = station("P1");
        repo.add(s);
        repo.update(s.withName("改名"));
        Outbox.Operation op = ws.outbox().forEntity(s.id()).get(1);
        var changes = Outbox.JSON.readTree(op.changes());
        assertEquals(1, changes.size(), "only the changed field travels: " + op.changes());
        assertEquals("站点P1", changes.get("name").get("old").asText());
        assertEquals("改名", changes.get("name").get("new").asText());
        assertEquals("tester", op.author());
        assertEquals("2026-11-28T08:00:00Z", op.createdAt());
        assertEquals("PENDING", op.state());
    }
}
