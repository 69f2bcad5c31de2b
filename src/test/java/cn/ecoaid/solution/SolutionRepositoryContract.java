package cn.ecoaid.solution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.InvalidRecordException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One contract for every {@link SolutionRepository}: SQLite and the in-memory fake. */
public abstract class SolutionRepositoryContract {
    protected SolutionRepository repo;

    protected abstract SolutionRepository newRepository();

    @BeforeEach
    void setUp() {
        repo = newRepository();
    }

    public static SolutionPackage cityPackage() {
        return SolutionPackage.create(Scope.CITY, "示例市大气污染防治综合解决方案", "示例市", "示例市驻点跟踪研究工作组");
    }

    public static Measure measure(String packageId, String name, LocalDate start, LocalDate end, double cost) {
        return new Measure(Ids.newId(), packageId, name, MeasureType.ENGINEERING, "工业", "燃煤锅炉", "市生态环境局", start, end,
                cost, Map.of("PM2.5", 120.5, "NOx", 300.0), "", MeasureStatus.PLANNED, List.of("PM2.5 年均浓度"));
    }

    @Test
    void packageRoundTripsAndUpdates() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        assertEquals(p, repo.getPackage(p.id()).orElseThrow());
        SolutionPackage renamed = new SolutionPackage(p.id(), Scope.RIVER, "示例河一河一策", p.city(), p.team());
        repo.updatePackage(renamed);
        assertEquals(renamed, repo.getPackage(p.id()).orElseThrow());
        assertEquals(List.of(renamed), repo.packages());
        assertEquals(renamed, repo.find("示例河一河一策").orElseThrow());
    }

    @Test
    void invalidRecordsAreRejectedWithTheirField() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> repo.addPackage(SolutionPackage.create(Scope.CITY, " ", "示例市", "")));
        assertEquals("title", e.problems().get(0).field());
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        InvalidRecordException bad = assertThrows(InvalidRecordException.class, () -> repo.addMeasure(
                measure(p.id(), "锅炉改造", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), 10)));
        assertEquals("end", bad.problems().get(0).field());
        assertThrows(InvalidRecordException.class, () -> repo.addMeasure(
                measure(p.id(), "锅炉改造", null, null, -5)));
        assertThrows(EcoAidException.class, () -> repo.addMeasure(measure(Ids.newId(), "孤儿措施", null, null, 1)));
    }

    @Test
    void measuresKeepOrderUpdateAndTombstone() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        Measure a = measure(p.id(), "燃煤锅炉超低排放改造", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 5000);
        Measure b = measure(p.id(), "扬尘精细化管控", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 6, 30), 800);
        repo.addMeasure(a);
        repo.addMeasure(b);
        assertEquals(List.of(a, b), repo.measures(p.id()));
        Measure done = a.withStatus(MeasureStatus.DONE);
        repo.updateMeasure(done);
        assertEquals(List.of(done, b), repo.measures(p.id()));
        repo.deleteMeasure(a.id());
        assertEquals(List.of(b), repo.measures(p.id()));
        assertThrows(EcoAidException.class, () -> repo.deleteMeasure(a.id()));
    }

    @Test
    void sectionsAreOnePerKindInChapterOrder() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.MEASURES, "措施正文", List.of()));
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.DIAGNOSIS, "诊断正文",
                List.of(new BlockRef("sites", Map.of(), false))));
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.MEASURES, "措施正文（修订）", List.of()));
        List<Section> s = repo.sections(p.id());
        assertEquals(List.of(SectionKind.DIAGNOSIS, SectionKind.MEASURES), s.stream().map(Section::kind).toList());
        assertEquals("措施正文（修订）", s.get(1).text());
        assertEquals("sites", s.get(0).blocks().get(0).source());
    }

    @Test
    void milestonesByDateAndTrackingByIndicatorThenDate() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        Milestone m27 = new Milestone(Ids.newId(), p.id(), LocalDate.of(2027, 12, 31), "PM2.5 年均浓度", 30, "µg/m³", null);
        Milestone m26 = new Milestone(Ids.newId(), p.id(), LocalDate.of(2026, 12, 31), "PM2.5 年均浓度", 33, "µg/m³", null);
        repo.addMilestone(m27);
        repo.addMilestone(m26);
        assertEquals(List.of(m26, m27), repo.milestones(p.id()));
        TrackingRecord t2 = new TrackingRecord(Ids.newId(), p.id(), "", "PM2.5", LocalDate.of(2026, 6, 30), 31.5, "µg/m³");
        TrackingRecord t1 = new TrackingRecord(Ids.newId(), p.id(), "", "PM2.5", LocalDate.of(2026, 3, 31), 42, "µg/m³");
        repo.addTracking(t2);
        repo.addTracking(t1);
        assertEquals(List.of(t1, t2), repo.tracking(p.id()));
        repo.deleteTracking(t1.id());
        assertEquals(List.of(t2), repo.tracking(p.id()));
        assertThrows(InvalidRecordException.class, () -> repo.addTracking(
                new TrackingRecord(Ids.newId(), p.id(), "", "", LocalDate.of(2026, 1, 1), 1, "")));
    }

    @Test
    void versionNumbersOnlyGrow() {
        SolutionPackage p = cityPackage();
        repo.addPackage(p);
        FrozenVersion v1 = new FrozenVersion(Ids.newId(), p.id(), 1, "2026-11-28T08:00:00Z", "{}", "c2ln",
                Map.of("records/package.json", "{\"id\":1}"));
        repo.addVersion(v1);
        assertThrows(EcoAidException.class, () -> repo.addVersion(
                new FrozenVersion(Ids.newId(), p.id(), 1, "2026-11-28T08:00:00Z", "{}", "c2ln", Map.of())));
        FrozenVersion v3 = new FrozenVersion(Ids.newId(), p.id(), 3, "2026-11-29T08:00:00Z", "{}", "c2ln", Map.of());
        repo.addVersion(v3);
        assertEquals(List.of(v1, v3), repo.versions(p.id()));
        assertTrue(repo.versions(Ids.newId()).isEmpty());
    }
}
