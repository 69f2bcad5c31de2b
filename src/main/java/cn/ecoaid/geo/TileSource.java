package cn.ecoaid.geo;

import java.util.List;

/**
 * A pyramid of raster tiles (an offline basemap): tile matrices in one coordinate system, the top-left corner of the
 * matrix set at ({@link #minX()}, {@link #maxY()}), tile row 0 at the top. Tiles are encoded images (PNG or JPEG).
 */
public interface TileSource extends AutoCloseable {
    /** One zoom level: matrix size in tiles, tile size in pixels, pixel size in CRS units. */
    record Matrix(int zoom, int width, int height, int tileWidth, int tileHeight, double pixelX, double pixelY) {
    }

    String name();

    String crs();

    double minX();

    double maxY();

    List<Matrix> matrices();

    /** The encoded tile, or null when the pyramid has none there. */
    byte[] tile(int zoom, int column, int row);

    @Override
    void close();
}
