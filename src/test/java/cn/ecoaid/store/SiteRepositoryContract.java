package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.DuplicateCodeException;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.domain.SiteType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SiteRepository} must have; run against SQLite and the in-memory fake. */
public abstract class SiteRepositoryContract {
    protected SiteRepository repo;

    /** A fresh, empty repository. */
    protected abstract SiteRepository newRepository() throws Exception;

    /** Kinds of the sync operations recorded for a record, in order ("UPSERT", "DELETE"). */
    protected abstract List<String> operationKinds(String siteId);

    @BeforeEach
    void setUpRepository() throws Exception {
        repo = newRepository();
    }

    static Site station(String code) {
        return Site.create(code, "站点" + code, SiteType.AIR_STATION, 116.4, 39.9);
    }

    @Test
    void addedSiteIsListedAndFoundByIdAndCode() {
        Site s = station("A1").withAttributes(Map.of("备注", "城区"));
        repo.add(s);
        assertEquals(List.of(s), repo.list());
        assertEquals(s, repo.get(s.id()).orElseThrow());
        assertEquals(s, repo.findByCode("A1").orElseThrow());
        assertEquals(1, repo.count());
        assertEquals(List.of("UPSERT"), operationKinds(s.id()));
    }

    @Test
    void listIsOrderedByCode() {
        repo.add(station("B"));
        repo.add(station("A"));
        repo.add(station("C"));
        assertEquals(List.of("A", "B", "C"), repo.list().stream().map(Site::code).toList());
    }

    @Test
    void duplicateCodeIsRefusedAndNothingChanges() {
        repo.add(station("A1"));
        assertThrows(DuplicateCodeException.class, () -> repo.add(station("A1")));
        assertEquals(1, repo.count());
    }

    @Test
    void addAllIsAllOrNothing() {
        repo.add(station("X"));
        Site ok = station("Y");
        assertThrows(DuplicateCodeException.class, () -> repo.addAll(List.of(ok, station("X"))));
        assertTrue(repo.findByCode("Y").isEmpty(), "the valid site of a refused batch must not be stored");
        assertTrue(operationKinds(ok.id()).isEmpty());
    }

    @Test
    void invalidSiteIsRefused() {
        Site bad = station("A1").withCoordinates(200.0, 39.0);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> repo.add(bad));
        assertEquals("longitude", e.problems().get(0).field());
        assertEquals(0, repo.count());
    }

    @Test
    void updateChangesFieldsAndRecordsAnOperation() {
        Site s = station("A1");
        repo.add(s);
        Site renamed = s.withName("新名称").withCoordinates(117.0, 40.0);
        repo.update(renamed);
        assertEquals(renamed, repo.get(s.id()).orElseThrow());
        assertEquals(List.of("UPSERT", "UPSERT"), operationKinds(s.id()));
    }

    @Test
    void updateToAnotherSitesCodeIsRefused() {
        Site a = station("A");
        Site b = station("B");
        repo.addAll(List.of(a, b));
        assertThrows(DuplicateCodeException.class, () -> repo.update(b.withCode("A")));
        assertEquals("B", repo.get(b.id()).orElseThrow().code());
    }

    @Test
    void deleteLeavesATombstoneThatRestoreUndoes() {
        Site s = station("A1");
        repo.add(s);
        repo.delete(s.id());
        assertTrue(repo.get(s.id()).isEmpty());
        assertEquals(0, repo.count());
        repo.add(station("A1"));
        assertThrows(DuplicateCodeException.class, () -> repo.restore(s.id()),
                "restoring must not create two live sites with one code");
        repo.delete(repo.findByCode("A1").orElseThrow().id());
        repo.restore(s.id());
        assertEquals(s, repo.get(s.id()).orElseThrow());
        assertEquals(List.of("UPSERT", "DELETE", "UPSERT"), operationKinds(s.id()));
    }

    @Test
    void siteWithoutCoordinatesIsAllowed() {
        Site s = Site.create("S1", "企业甲", SiteType.POLLUTION_SOURCE, null, null);
        repo.add(s);
        assertEquals(s, repo.get(s.id()).orElseThrow());
    }
}
