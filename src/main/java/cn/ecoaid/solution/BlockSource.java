package cn.ecoaid.solution;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Something that turns a {@link BlockRef} into a {@link Block} from the workspace's results. Each capability registers
 * its sources with {@link BlockSources} at the composition root (CLI, UI); this package knows none of them.
 */
public interface BlockSource {
    /** The id a {@link BlockRef} names, e.g. "sites" or "inventory-totals" (letters, digits and hyphens). */
    String id();

    /** Renders the block; throws an {@link cn.ecoaid.domain.EcoAidException} with a key when it cannot. */
    Block render(BlockRef ref, Context context);

    /**
     * What a source may read: the workspace folder (relative file parameters resolve against it) and the clock; and the
     * reference-library versions behind the workspace's analyses, which a frozen version records (SYNC.md §11) — a JSON
     * object, empty when there are none, read when a version is frozen (libraries may arrive while a window is open).
     */
    record Context(Path baseDir, Clock clock, java.util.function.Supplier<java.util.Map<String, Object>> libraries) {
        public Context(Path baseDir, Clock clock) {
            this(baseDir, clock, java.util.Map::of);
        }
    }
}
