package cn.ecoaid.map;

import cn.ecoaid.geo.Layer;

/** A layer with the style it is drawn in; the list order is the drawing order (first at the bottom). */
public record MapLayer(Layer layer, LayerStyle style) {
}
