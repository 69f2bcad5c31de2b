package cn.ecoaid.map;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.GeoJson;
import cn.ecoaid.geo.GeometryRepair;
import cn.ecoaid.geo.Kml;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.Shapefile;
import cn.ecoaid.store.GeoPackageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes layer files by extension: GeoJSON ({@code .geojson}, {@code .json}), Shapefile ({@code .shp}),
 * KML ({@code .kml}), GeoPackage ({@code .gpkg}; {@code file.gpkg#table} picks a table) and tables with coordinates
 * ({@code .csv}, {@code .xlsx}: {@link TableLayers}, CGCS2000 unless declared). Every layer read is
 * repaired ({@link GeometryRepair}): {@link Layer#repairs()} says which features were invalid.
 */
public final class LayerFiles {
    private LayerFiles() {
    }

    /**
     * Reads a layer. {@code declaredCrs} (may be null) overrides the file's own system; GCJ-02 data are declared with
     * {@link CrsRegistry#GCJ02} and stay so until converted ({@link Layer#reproject}).
     */
    public static Layer read(String spec, String declaredCrs) {
        String table = null;
        String path = spec;
        int hash = spec.lastIndexOf('#');
        if (hash > 0 && spec.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            table = spec.substring(hash + 1);
            path = spec.substring(0, hash);
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new EcoAidException("map.error.read", file, "not found");
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Layer layer = switch (extension(file)) {
            case "geojson", "json" -> GeoJson.read(file, name, declaredCrs);
            case "shp" -> Shapefile.read(file, name, declaredCrs);
            case "kml" -> Kml.read(file, name, declaredCrs);
            case "gpkg" -> GeoPackageFiles.read(file, table, declaredCrs);
            case "csv", "txt", "xlsx" -> TableLayers.read(file, name, declaredCrs);
            default -> throw new EcoAidException("map.error.format", file);
        };
        return GeometryRepair.repair(layer);
    }

    /** Writes GeoJSON or GeoPackage by the extension of {@code file}. */
    public static void write(Layer layer, Path file) {
        switch (extension(file)) {
            case "geojson", "json" -> GeoJson.write(layer, file);
            case "gpkg" -> GeoPackageFiles.write(layer, file);
            default -> throw new EcoAidException("map.error.format", file);
        }
    }

    public static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
