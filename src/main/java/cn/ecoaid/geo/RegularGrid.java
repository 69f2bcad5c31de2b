package cn.ecoaid.geo;

import cn.ecoaid.domain.EcoAidException;
import org.locationtech.jts.geom.Envelope;

/**
 * A regular grid of square cells in a projected CRS: lower-left corner (x0, y0), cell size in metres, nCols × nRows.
 * Row 0 is the southernmost row; the cell index is {@code row × nCols + col}.
 */
public record RegularGrid(double x0, double y0, double cellSize, int nCols, int nRows, int epsg) {
    public RegularGrid {
        if (!(cellSize > 0) || nCols <= 0 || nRows <= 0) {
            throw new EcoAidException("geo.grid.error.size", cellSize, nCols, nRows);
        }
        if ((long) nCols * nRows > 50_000_000L) {
            throw new EcoAidException("geo.grid.error.tooLarge", (long) nCols * nRows);
        }
    }

    /** The smallest grid with corners on multiples of the cell size that covers an envelope. */
    public static RegularGrid covering(Envelope e, double cellSize, int epsg) {
        double x0 = Math.floor(e.getMinX() / cellSize) * cellSize;
        double y0 = Math.floor(e.getMinY() / cellSize) * cellSize;
        int nx = Math.max(1, (int) Math.ceil((e.getMaxX() - x0) / cellSize));
        int ny = Math.max(1, (int) Math.ceil((e.getMaxY() - y0) / cellSize));
        if (x0 + nx * cellSize <= e.getMaxX()) {
            nx++;
        }
        if (y0 + ny * cellSize <= e.getMaxY()) {
            ny++;
        }
        return new RegularGrid(x0, y0, cellSize, nx, ny, epsg);
    }

    public int cells() {
        return nCols * nRows;
    }

    /** Column of an easting, possibly outside 0..nCols−1. */
    public int col(double x) {
        return (int) Math.floor((x - x0) / cellSize);
    }

    public int row(double y) {
        return (int) Math.floor((y - y0) / cellSize);
    }

    /** Cell index of a point, or −1 when it lies outside the grid. */
    public int index(double x, double y) {
        int c = col(x);
        int r = row(y);
        return c < 0 || r < 0 || c >= nCols || r >= nRows ? -1 : r * nCols + c;
    }

    public double centerX(int index) {
        return x0 + (index % nCols + 0.5) * cellSize;
    }

    public double centerY(int index) {
        return y0 + (index / nCols + 0.5) * cellSize;
    }

    public Envelope envelope() {
        return new Envelope(x0, x0 + nCols * cellSize, y0, y0 + nRows * cellSize);
    }

    /** The square of one cell. */
    public Envelope cellEnvelope(int index) {
        double x = x0 + (index % nCols) * cellSize;
        double y = y0 + (index / nCols) * cellSize;
        return new Envelope(x, x + cellSize, y, y + cellSize);
    }
}
