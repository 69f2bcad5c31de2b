package cn.ecoaid.map;

import org.locationtech.jts.geom.Envelope;

/**
 * World (view CRS) to pixel mapping: the extent is centred in a width × height image at one scale for both axes
 * (the smaller of the two fits), y up in the world and down in pixels.
 */
public record Viewport(double centreX, double centreY, double pixelsPerUnit, int width, int height) {
    public static Viewport fit(Envelope extent, int width, int height) {
        double ew = Math.max(extent.getWidth(), 1e-12);
        double eh = Math.max(extent.getHeight(), 1e-12);
        double s = Math.min(width / ew, height / eh);
        return new Viewport(extent.centre().x, extent.centre().y, s, width, height);
    }

    public double px(double x) {
        return (x - centreX) * pixelsPerUnit + width / 2.0;
    }

    public double py(double y) {
        return height / 2.0 - (y - centreY) * pixelsPerUnit;
    }

    public double worldX(double px) {
        return (px - width / 2.0) / pixelsPerUnit + centreX;
    }

    public double worldY(double py) {
        return (height / 2.0 - py) / pixelsPerUnit + centreY;
    }

    /** The world extent the image shows. */
    public Envelope extent() {
        return new Envelope(worldX(0), worldX(width), worldY(height), worldY(0));
    }

    /** Zoomed by {@code factor} (> 1 in) keeping the world point under pixel (px, py) in place. */
    public Viewport zoom(double factor, double px, double py) {
        double wx = worldX(px);
        double wy = worldY(py);
        double s = pixelsPerUnit * factor;
        return new Viewport(wx - (px - width / 2.0) / s, wy + (py - height / 2.0) / s, s, width, height);
    }

    /** Moved by a pixel drag (dx, dy). */
    public Viewport pan(double dx, double dy) {
        return new Viewport(centreX - dx / pixelsPerUnit, centreY + dy / pixelsPerUnit, pixelsPerUnit, width, height);
    }

    public Viewport resize(int w, int h) {
        return new Viewport(centreX, centreY, pixelsPerUnit, w, h);
    }
}
