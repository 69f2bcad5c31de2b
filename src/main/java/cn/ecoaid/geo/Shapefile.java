package cn.ecoaid.geo;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.io.TextFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * An ESRI Shapefile reader after the ESRI Shapefile Technical Description (July 1998): {@code .shp} point, multipoint,
 * polyline and polygon shapes, their Z and M variants read as 2D; {@code .dbf} attributes (C, N, F, L, D fields) decoded
 * with the {@code .cpg} encoding, else the language driver byte (0x4D, 0x7A → GBK), else UTF-8 when the bytes are valid
 * UTF-8 and GBK (GB18030) otherwise; the coordinate system from {@code .prj} ({@link PrjCrs}).
 */
public final class Shapefile {
    private static final GeometryFactory GF = new GeometryFactory();

    private Shapefile() {
    }

    /** Reads {@code x.shp} with its .dbf/.prj/.cpg; {@code declaredCrs} (may be null) overrides the .prj. */
    public static Layer read(Path shp, String name, String declaredCrs) {
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        Path dir = shp.toAbsolutePath().getParent();
        try {
            List<Geometry> shapes = readShapes(Files.readAllBytes(shp), shp);
            Path dbf = sibling(dir, base, "dbf");
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            if (dbf != null) {
                Path cpg = sibling(dir, base, "cpg");
                Charset cs = cpg == null ? null : charset(Files.readString(cpg, StandardCharsets.ISO_8859_1).strip());
                readDbf(Files.readAllBytes(dbf), cs, fields, rows, dbf);
            }
            String crs = declaredCrs;
            if (crs == null) {
                Path prj = sibling(dir, base, "prj");
                if (prj == null) {
                    throw new EcoAidException("map.error.noCrs", shp);
                }
                String wkt = TextFiles.decode(Files.readAllBytes(prj));
                crs = PrjCrs.fromWkt(wkt).orElseThrow(() -> new EcoAidException("map.error.prj", prj, abbreviate(wkt)));
            }
            List<Feature> features = new ArrayList<>(shapes.size());
            for (int i = 0; i < shapes.size(); i++) {
                features.add(new Feature(shapes.get(i), i < rows.size() ? rows.get(i) : Map.of()));
            }
            return new Layer(name, crs, fields, features, List.of());
        } catch (IOException e) {
            throw new EcoAidException(e, "map.error.read", shp, e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    /** The file next to the .shp with this extension, in any letter case; null if absent. */
    static Path sibling(Path dir, String base, String ext) throws IOException {
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = dir.resolve(base + "." + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static Charset charset(String cpg) {
        String c = cpg.toUpperCase(Locale.ROOT).replace(" ", "");
        switch (c) {
            case "936", "CP936", "GBK", "GB2312", "GB18030", "ANSI936", "EUC-CN":
                return TextFiles.GB18030;
            case "65001", "UTF-8", "UTF8":
                return StandardCharsets.UTF_8;
            default:
                try {
                    return Charset.forName(cpg.strip());
                } catch (RuntimeException unknown) {
                    return null;
                }
        }
    }

    static List<Geometry> readShapes(byte[] bytes, Path file) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 100 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new EcoAidException("map.error.shpInvalid", file, "not a shapefile");
        }
        long fileLength = Math.min(bytes.length, 2L * (b.order(ByteOrder.BIG_ENDIAN).getInt(24) & 0xFFFFFFFFL));
        List<Geometry> out = new ArrayList<>();
        int pos = 100;
        while (pos + 8 <= fileLength) {
            b.order(ByteOrder.BIG_ENDIAN);
            int contentBytes = 2 * b.getInt(pos + 4);
            int start = pos + 8;
            if (contentBytes < 4 || start + contentBytes > bytes.length) {
                throw new EcoAidException("map.error.shpInvalid", file, "record at byte " + pos + " is truncated");
            }
            b.order(ByteOrder.LITTLE_ENDIAN);
            out.add(shape(b, start, file));
            pos = start + contentBytes;
        }
        return out;
    }

    private static Geometry shape(ByteBuffer b, int p, Path file) {
        int type = b.getInt(p);
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21:
                return GF.createPoint(new Coordinate(b.getDouble(p + 4), b.getDouble(p + 12)));
            case 8, 18, 28: {
                int n = b.getInt(p + 36);
                Coordinate[] cs = new Coordinate[n];
                for (int i = 0; i < n; i++) {
                    cs[i] = new Coordinate(b.getDouble(p + 40 + 16 * i), b.getDouble(p + 48 + 16 * i));
                }
                return GF.createMultiPointFromCoords(cs);
            }
            case 3, 13, 23, 5, 15, 25: {
                int numParts = b.getInt(p + 36);
                int numPoints = b.getInt(p + 40);
                int partsAt = p + 44;
                int pointsAt = partsAt + 4 * numParts;
                List<Coordinate[]> parts = new ArrayList<>(numParts);
                for (int i = 0; i < numParts; i++) {
                    int from = b.getInt(partsAt + 4 * i);
                    int to = i + 1 < numParts ? b.getInt(partsAt + 4 * (i + 1)) : numPoints;
                    if (from < 0 || to > numPoints || to < from) {
                        throw new EcoAidException("map.error.shpInvalid", file, "bad part index");
                    }
                    Coordinate[] cs = new Coordinate[to - from];
                    for (int j = from; j < to; j++) {
                        cs[j - from] = new Coordinate(b.getDouble(pointsAt + 16 * j), b.getDouble(pointsAt + 8 + 16 * j));
                    }
                    parts.add(cs);
                }
                boolean polygon = type == 5 || type == 15 || type == 25;
                return polygon ? polygon(parts) : lines(parts);
            }
            default:
                throw new EcoAidException("map.error.shpInvalid", file, "shape type " + type);
        }
    }

    private static Geometry lines(List<Coordinate[]> parts) {
        List<LineString> ls = new ArrayList<>();
        for (Coordinate[] cs : parts) {
            if (cs.length >= 2) {
                ls.add(GF.createLineString(cs));
            }
        }
        return ls.size() == 1 ? ls.get(0) : GF.createMultiLineString(ls.toArray(new LineString[0]));
    }

    /** Clockwise rings are shells, counter-clockwise ones holes of the shell that contains them (the ESRI rule). */
    private static Geometry polygon(List<Coordinate[]> parts) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] cs : parts) {
            if (cs.length == 0) {
                continue;
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
                closed[cs.length] = new Coordinate(cs[0]);
                cs = closed;
            }
            if (cs.length < 4) {
                continue;
            }
            LinearRing r = GF.createLinearRing(cs);
            if (Orientation.isCCW(cs)) {
                holes.add(r);
            } else {
                shells.add(r);
            }
        }
        if (shells.isEmpty()) {
            // Rings written the wrong way round: treat each as a shell.
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<Polygon> shellPolys = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            shellPolys.add(GF.createPolygon(s));
        }
        for (LinearRing h : holes) {
            int owner = -1;
            for (int i = 0; i < shellPolys.size(); i++) {
                if (shellPolys.get(i).getEnvelopeInternal().covers(h.getEnvelopeInternal())
                        && shellPolys.get(i).covers(GF.createPoint(h.getCoordinateN(0)))) {
                    owner = i;
                    break;
                }
            }
            if (owner < 0) {
                // an orphan hole is kept as a shell, as GDAL does
                shellPolys.add(GF.createPolygon(h));
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(owner).add(h);
            }
        }
        Polygon[] polys = new Polygon[shellPolys.size()];
        for (int i = 0; i < polys.length; i++) {
            polys[i] = GF.createPolygon((LinearRing) shellPolys.get(i).getExteriorRing(),
                    holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polys.length == 1 ? polys[0] : GF.createMultiPolygon(polys);
    }

    record DbfField(String name, char type, int length, int decimals) {
    }

    static void readDbf(byte[] bytes, Charset declared, List<String> fieldNames, List<Map<String, Object>> rows, Path file) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 32) {
            throw new EcoAidException("map.error.dbf", file, "too short");
        }
        int records = b.getInt(4);
        int headerLength = b.getShort(8) & 0xFFFF;
        int recordLength = b.getShort(10) & 0xFFFF;
        int ldid = bytes[29] & 0xFF;
        Charset cs = declared;
        if (cs == null && (ldid == 0x4D || ldid == 0x7A)) {
            cs = TextFiles.GB18030;
        }
        if (cs == null) {
            int end = (int) Math.min(bytes.length, headerLength + (long) records * recordLength);
            cs = TextFiles.detect(java.util.Arrays.copyOfRange(bytes, 32, Math.max(32, end)));
        }
        List<DbfField> fields = new ArrayList<>();
        for (int p = 32; p + 32 <= headerLength && bytes[p] != 0x0D; p += 32) {
            int len = 0;
            while (len < 11 && bytes[p + len] != 0) {
                len++;
            }
            String name = new String(bytes, p, len, cs).strip();
            fields.add(new DbfField(name, (char) (bytes[p + 11] & 0xFF), bytes[p + 16] & 0xFF, bytes[p + 17] & 0xFF));
        }
        for (DbfField f : fields) {
            fieldNames.add(f.name());
        }
        for (int r = 0; r < records; r++) {
            int at = headerLength + r * recordLength;
            if (at + recordLength > bytes.length) {
                throw new EcoAidException("map.error.dbf", file, "record " + (r + 1) + " is truncated");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            int p = at + 1; // deletion flag; deleted records keep their place so shapes stay matched
            for (DbfField f : fields) {
                String raw = new String(bytes, p, f.length(), cs);
                row.put(f.name(), value(f, raw));
                p += f.length();
            }
            rows.add(row);
        }
    }

    private static Object value(DbfField f, String raw) {
        String s = raw.strip();
        switch (Character.toUpperCase(f.type())) {
            case 'N', 'F': {
                if (s.isEmpty() || s.startsWith("*")) {
                    return null;
                }
                try {
                    if (f.decimals() == 0 && !s.contains(".") && !s.contains("e") && !s.contains("E") && s.length() < 19) {
                        return Long.parseLong(s);
                    }
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return s;
                }
            }
            case 'L':
                if (s.isEmpty() || s.equals("?")) {
                    return null;
                }
                return "YyTt".indexOf(s.charAt(0)) >= 0;
            case 'D':
                if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                    return s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8);
                }
                return s.isEmpty() ? null : s;
            default:
                return s;
        }
    }
}
