package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/** A fake for view-model and service tests; passes the same contract as the SQLite repository. */
public final class InMemorySolutionRepository implements SolutionRepository {
    private final Map<String, SolutionPackage> packages = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Measure> measures = new LinkedHashMap<>();
    private final Map<String, Milestone> milestones = new LinkedHashMap<>();
    private final Map<String, TrackingRecord> tracking = new LinkedHashMap<>();
    private final List<FrozenVersion> versions = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    @Override
    public void addPackage(SolutionPackage p) {
        SolutionRules.check(SolutionRules.validate(p));
        claim(p.id());
        packages.put(p.id(), p);
    }

    @Override
    public void updatePackage(SolutionPackage p) {
        SolutionRules.check(SolutionRules.validate(p));
        live(packages, p.id());
        packages.put(p.id(), p);
    }

    @Override
    public Optional<SolutionPackage> getPackage(String id) {
        return Optional.ofNullable(packages.get(id));
    }

    @Override
    public List<SolutionPackage> packages() {
        return List.copyOf(packages.values());
    }

    @Override
    public void deletePackage(String id) {
        live(packages, id);
        packages.remove(id);
    }

    @Override
    public void saveSection(Section s) {
        requirePackage(s.packageId());
        Optional<Section> existing = sections.values().stream()
                .filter(x -> x.packageId().equals(s.packageId()) && x.kind() == s.kind()).findFirst();
        if (existing.isPresent()) {
            sections.put(existing.get().id(), new Section(existing.get().id(), s.packageId(), s.kind(), s.text(), s.blocks()));
        } else {
            claim(s.id());
            sections.put(s.id(), s);
        }
    }

    @Override
    public List<Section> sections(String packageId) {
        return sections.values().stream().filter(s -> s.packageId().equals(packageId))
                .sorted(Comparator.comparing(Section::kind)).toList();
    }

    @Override
    public void addMeasure(Measure m) {
        SolutionRules.check(SolutionRules.validate(m));
        requirePackage(m.packageId());
        claim(m.id());
        measures.put(m.id(), m);
    }

    @Override
    public void updateMeasure(Measure m) {
        SolutionRules.check(SolutionRules.validate(m));
        live(measures, m.id());
        measures.put(m.id(), m);
    }

    @Override
    public void deleteMeasure(String id) {
        live(measures, id);
        measures.remove(id);
    }

    @Override
    public List<Measure> measures(String packageId) {
        return measures.values().stream().filter(m -> m.packageId().equals(packageId)).toList();
    }

    @Override
    public void addMilestone(Milestone m) {
        SolutionRules.check(SolutionRules.validate(m));
        requirePackage(m.packageId());
        claim(m.id());
        milestones.put(m.id(), m);
    }

    @Override
    public void deleteMilestone(String id) {
        live(milestones, id);
        milestones.remove(id);
    }

    @Override
    public List<Milestone> milestones(String packageId) {
        return milestones.values().stream().filter(m -> m.packageId().equals(packageId))
                .sorted(Comparator.comparing(Milestone::date).thenComparing(Milestone::indicator)).toList();
    }

    @Override
    public void addTracking(TrackingRecord t) {
        SolutionRules.check(SolutionRules.validate(t));
        requirePackage(t.packageId());
        claim(t.id());
        tracking.put(t.id(), t);
    }

    @Override
    public void deleteTracking(String id) {
        live(tracking, id);
        tracking.remove(id);
    }

    @Override
    public List<TrackingRecord> tracking(String packageId) {
        return tracking.values().stream().filter(t -> t.packageId().equals(packageId))
                .sorted(Comparator.comparing(TrackingRecord::indicator).thenComparing(TrackingRecord::date)).toList();
    }

    @Override
    public void addVersion(FrozenVersion v) {
        requirePackage(v.packageId());
        int next = versions(v.packageId()).stream().mapToInt(FrozenVersion::number).max().orElse(0) + 1;
        if (v.number() < next) {
            throw new EcoAidException("solution.error.versionNumber", v.number(), next);
        }
        versions.add(v);
    }

    @Override
    public List<FrozenVersion> versions(String packageId) {
        return versions.stream().filter(v -> v.packageId().equals(packageId)).toList();
    }

    private void claim(String id) {
        if (!used.add(id)) {
            throw new EcoAidException("solution.error.duplicate", id);
        }
    }

    private void requirePackage(String id) {
        if (id == null || !packages.containsKey(id)) {
            throw new EcoAidException("solution.error.packageNotFound", id);
        }
    }

    private static void live(Map<String, ?> map, String id) {
        if (!map.containsKey(id)) {
            throw new EcoAidException("solution.error.notFound", id);
        }
    }
}
