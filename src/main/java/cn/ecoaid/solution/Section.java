package cn.ecoaid.solution;

import java.util.List;
import java.util.Objects;

/** One section of a package: the team's text (paragraphs separated by blank lines) and the live blocks after it. */
public record Section(String id, String packageId, SectionKind kind, String text, List<BlockRef> blocks) {
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text.strip();
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** The paragraphs of the text, blank lines separating them. */
    public List<String> paragraphs() {
        if (text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
