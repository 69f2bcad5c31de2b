package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report of one package shows, collected once: the package, its sections in chapter order with their
 * rendered live blocks, measures, milestones, tracking records and versions, and the report date.
 */
public record SolutionDocument(SolutionPackage pkg, List<Section> sections, Map<SectionKind, List<Block>> blocks,
                               List<Measure> measures, List<Milestone> milestones, List<TrackingRecord> tracking,
                               List<FrozenVersion> versions, LocalDate date) {
    public SolutionDocument {
        sections = List.copyOf(sections);
        blocks = Map.copyOf(blocks);
        measures = List.copyOf(measures);
        milestones = List.copyOf(milestones);
        tracking = List.copyOf(tracking);
        versions = List.copyOf(versions);
    }

    /** Reads the package and renders its live blocks now. */
    public static SolutionDocument collect(SolutionRepository repo, BlockSources sources, BlockSource.Context context,
                                           String packageId) {
        SolutionPackage p = repo.getPackage(packageId)
                .orElseThrow(() -> new EcoAidException("solution.error.packageNotFound", packageId));
        List<Section> sections = repo.sections(packageId);
        Map<SectionKind, List<Block>> blocks = new EnumMap<>(SectionKind.class);
        for (Section s : sections) {
            List<Block> rendered = new ArrayList<>();
            for (BlockRef ref : s.blocks()) {
                rendered.add(sources.render(ref, context));
            }
            blocks.put(s.kind(), rendered);
        }
        return new SolutionDocument(p, sections, blocks, repo.measures(packageId), repo.milestones(packageId),
                repo.tracking(packageId), repo.versions(packageId), LocalDate.now(context.clock()));
    }

    /** The section of {@code kind}, if the team wrote one. */
    public java.util.Optional<Section> section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    public List<Block> blocks(SectionKind kind) {
        return blocks.getOrDefault(kind, List.of());
    }

    /** Expected reduction per pollutant summed over all measures (t/a), pollutants in name order. */
    public Map<String, Double> totalReductions() {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Measure m : measures) {
            m.reductions().forEach((k, v) -> out.merge(k, v, Double::sum));
        }
        return out;
    }
}
