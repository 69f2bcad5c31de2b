package cn.ecoaid.geo;

import cn.ecoaid.domain.EcoAidException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * KML 2.2 Placemarks (OGC 07-147r2): Point, LineString, LinearRing, Polygon (outer and inner boundaries) and
 * MultiGeometry, with {@code name}, {@code description}, {@code ExtendedData/Data/value} and
 * {@code ExtendedData/SchemaData/SimpleData} as attributes. KML is WGS84 longitude/latitude; altitudes are dropped.
 * External entities and DTDs are refused.
 */
public final class Kml {
    private static final GeometryFactory GF = new GeometryFactory();

    private Kml() {
    }

    public static Layer read(Path file, String name, String declaredCrs) {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new EcoAidException(e, "map.error.kmlInvalid", file, e.getMessage());
        }
        List<Feature> features = new ArrayList<>();
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            Map<String, Object> attrs = new LinkedHashMap<>();
            Element n = child(pm, "name");
            attrs.put("name", n == null ? "" : n.getTextContent().strip());
            Element d = child(pm, "description");
            if (d != null) {
                attrs.put("description", d.getTextContent().strip());
            }
            Element ext = child(pm, "ExtendedData");
            if (ext != null) {
                for (Element data : descendants(ext, "Data")) {
                    Element v = child(data, "value");
                    attrs.put(data.getAttribute("name"), v == null ? "" : v.getTextContent().strip());
                }
                for (Element sd : descendants(ext, "SimpleData")) {
                    attrs.put(sd.getAttribute("name"), sd.getTextContent().strip());
                }
            }
            Geometry g = null;
            for (Node c = pm.getFirstChild(); c != null && g == null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    g = geometry(e, file);
                }
            }
            features.add(new Feature(g, attrs));
        }
        return new Layer(name, declaredCrs == null ? CrsRegistry.WGS84 : declaredCrs, features);
    }

    private static Geometry geometry(Element e, Path file) {
        try {
            switch (e.getLocalName()) {
                case "Point":
                    return GF.createPoint(coordinates(e)[0]);
                case "LineString":
                    return GF.createLineString(coordinates(e));
                case "LinearRing":
                    return GF.createLineString(closed(coordinates(e)));
                case "Polygon": {
                    Element outer = child(e, "outerBoundaryIs");
                    if (outer == null) {
                        return GF.createPolygon();
                    }
                    LinearRing shell = GF.createLinearRing(closed(coordinates(outer)));
                    List<LinearRing> holes = new ArrayList<>();
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element ce && "innerBoundaryIs".equals(ce.getLocalName())) {
                            holes.add(GF.createLinearRing(closed(coordinates(ce))));
                        }
                    }
                    return GF.createPolygon(shell, holes.toArray(new LinearRing[0]));
                }
                case "MultiGeometry": {
                    List<Geometry> parts = new ArrayList<>();
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element ce) {
                            Geometry g = geometry(ce, file);
                            if (g != null) {
                                parts.add(g);
                            }
                        }
                    }
                    return homogeneous(parts);
                }
                default:
                    return null;
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException bad) {
            throw new EcoAidException(bad, "map.error.kmlInvalid", file, e.getLocalName() + ": " + bad.getMessage());
        }
    }

    /** MultiPoint/MultiLineString/MultiPolygon when all parts are of one kind, else a GeometryCollection. */
    static Geometry homogeneous(List<Geometry> parts) {
        if (!parts.isEmpty() && parts.stream().allMatch(p -> p instanceof Point)) {
            return GF.createMultiPoint(parts.toArray(new Point[0]));
        }
        if (!parts.isEmpty() && parts.stream().allMatch(p -> p instanceof LineString)) {
            return GF.createMultiLineString(parts.toArray(new LineString[0]));
        }
        if (!parts.isEmpty() && parts.stream().allMatch(p -> p instanceof Polygon)) {
            return GF.createMultiPolygon(parts.toArray(new Polygon[0]));
        }
        return GF.createGeometryCollection(parts.toArray(new Geometry[0]));
    }

    private static Coordinate[] closed(Coordinate[] cs) {
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] c = java.util.Arrays.copyOf(cs, cs.length + 1);
            c[cs.length] = new Coordinate(cs[0]);
            return c;
        }
        return cs;
    }

    private static Coordinate[] coordinates(Element e) {
        List<Element> cs = descendants(e, "coordinates");
        if (cs.isEmpty()) {
            throw new IllegalArgumentException("no coordinates");
        }
        String[] tuples = cs.get(0).getTextContent().strip().split("\\s+");
        List<Coordinate> out = new ArrayList<>(tuples.length);
        for (String t : tuples) {
            if (t.isEmpty()) {
                continue;
            }
            String[] p = t.split(",");
            out.add(new Coordinate(Double.parseDouble(p[0]), Double.parseDouble(p[1])));
        }
        return out.toArray(new Coordinate[0]);
    }

    private static Element child(Element parent, String localName) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> descendants(Element parent, String localName) {
        NodeList nl = parent.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }
}
