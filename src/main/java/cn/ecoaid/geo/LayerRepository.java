package cn.ecoaid.geo;

import java.util.List;
import java.util.Optional;

/** Map layers kept in a workspace. Names are unique among live layers. */
public interface LayerRepository {
    /** A stored layer without its features. {@code style} is the style JSON (opaque here). */
    record Info(String id, String name, String crs, String style, List<String> fields, String sourceFile,
                String sourceFormat, String sourceSha256, int featureCount, int repairs, String createdAt) {
    }

    /** Where a layer came from: file name, format and the SHA-256 of its bytes. */
    record Source(String file, String format, String sha256) {
    }

    /** Stores a layer with its features; throws {@code map.layer.error.duplicate} when the name is taken. */
    Info add(Layer layer, String style, Source source);

    List<Info> list();

    Optional<Info> findByName(String name);

    /** The layer with all its features (repairs as recorded on import, without positions). */
    Layer load(String id);

    void setStyle(String id, String style);

    void delete(String id);
}
