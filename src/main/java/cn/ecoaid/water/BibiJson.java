package cn.ecoaid.water;

import cn.ecoaid.domain.EcoAidException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves and loads a {@link BibiModel} as JSON (Jackson); NaN is written as the string "NaN". */
public final class BibiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private BibiJson() {
    }

    public static String write(BibiModel model) {
        try {
            return MAPPER.writeValueAsString(model);
        } catch (IOException e) {
            throw new EcoAidException(e, "water.bibi.badModel", "", e.getMessage());
        }
    }

    public static BibiModel read(String json) {
        try {
            return MAPPER.readValue(json, BibiModel.class);
        } catch (IOException e) {
            throw new EcoAidException(e, "water.bibi.badModel", "", e.getMessage());
        }
    }

    public static void save(BibiModel model, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, write(model));
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", file, e.getMessage());
        }
    }

    public static BibiModel load(Path file) {
        try {
            return read(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EcoAidException(e, "error.file.notFound", file);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.read", file, e.getMessage());
        }
    }
}
