package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of block sources, filled at the composition root. */
public final class BlockSources {
    private final Map<String, BlockSource> sources = new LinkedHashMap<>();

    public BlockSources register(BlockSource source) {
        if (!source.id().matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("block source ids are lower-case words with hyphens: " + source.id());
        }
        sources.put(source.id(), source);
        return this;
    }

    public List<String> ids() {
        return List.copyOf(sources.keySet());
    }

    /** Renders a block; an unknown source is a typed error. */
    public Block render(BlockRef ref, BlockSource.Context context) {
        BlockSource s = sources.get(ref.source());
        if (s == null) {
            throw new EcoAidException("solution.error.unknownBlock", ref.source(), String.join(", ", sources.keySet()));
        }
        Block b = s.render(ref, context);
        if ("false".equals(ref.params().get("table")) && b.chart()) {
            return new Block(b.source(), b.title(), b.headers(), b.rows(), true, false, b.provenance());
        }
        return b;
    }
}
