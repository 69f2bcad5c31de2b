package cn.ecoaid.library;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference libraries the platform owns and devices pull (SYNC.md §10): the technology catalogue (治理技术目录), the
 * expert directory (专家库), the emission-factor library (the columns of the inventory factor file) and the taxa list (the
 * columns of the water taxa table). Bundle keys: {@code library.kind.<NAME>}.
 */
public enum LibraryKind {
    TECHNOLOGY("technology", "治理技术目录", "技术目录", "技术", "tech"),
    EXPERTS("experts", "专家库", "专家", "expert"),
    FACTORS("factors", "排放因子库", "因子", "factor", "emission-factors"),
    TAXA("taxa", "物种名录", "分类单元", "taxon");

    private final String id;
    private final List<String> aliases;

    LibraryKind(String id, String... aliases) {
        this.id = id;
        this.aliases = List.of(aliases);
    }

    /** The name on the wire and on the command line. */
    public String id() {
        return id;
    }

    /** A kind by its id, enum name or Chinese name. */
    public static Optional<LibraryKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String k = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        for (LibraryKind kind : values()) {
            if (kind.id.equals(k) || kind.name().toLowerCase(Locale.ROOT).equals(k) || kind.aliases.contains(k)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #parse} but an unknown name is an error. */
    public static LibraryKind require(String text) {
        return parse(text).orElseThrow(() -> new cn.ecoaid.domain.EcoAidException("library.error.kind", text));
    }
}
