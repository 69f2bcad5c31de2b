package cn.ecoaid.solution;

import java.util.List;
import java.util.Optional;

/**
 * Solution packages and their parts. Every write validates ({@link SolutionRules}) and throws
 * {@link cn.ecoaid.domain.InvalidRecordException}; deletes leave tombstones. Frozen versions are never changed.
 */
public interface SolutionRepository {
    void addPackage(SolutionPackage p);

    void updatePackage(SolutionPackage p);

    Optional<SolutionPackage> getPackage(String id);

    List<SolutionPackage> packages();

    void deletePackage(String id);

    /** Creates or replaces the section of {@code section.kind()} in its package. */
    void saveSection(Section section);

    /** The package's sections in chapter order (only those saved). */
    List<Section> sections(String packageId);

    void addMeasure(Measure m);

    void updateMeasure(Measure m);

    void deleteMeasure(String id);

    /** Measures in the order they were added. */
    List<Measure> measures(String packageId);

    void addMilestone(Milestone m);

    void deleteMilestone(String id);

    /** Milestones by date. */
    List<Milestone> milestones(String packageId);

    void addTracking(TrackingRecord t);

    void deleteTracking(String id);

    /** Tracking records by indicator, then date. */
    List<TrackingRecord> tracking(String packageId);

    /** Stores a frozen version; its number must exceed every stored version's number of the package. */
    void addVersion(FrozenVersion v);

    /** Versions of a package by number. */
    List<FrozenVersion> versions(String packageId);

    /** The package with this id, or the one live package with this title. */
    default Optional<SolutionPackage> find(String idOrTitle) {
        Optional<SolutionPackage> byId = getPackage(idOrTitle);
        if (byId.isPresent()) {
            return byId;
        }
        List<SolutionPackage> byTitle = packages().stream().filter(p -> p.title().equals(idOrTitle.strip())).toList();
        return byTitle.size() == 1 ? Optional.of(byTitle.get(0)) : Optional.empty();
    }
}
