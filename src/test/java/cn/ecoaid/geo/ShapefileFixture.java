package cn.ecoaid.geo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny shapefile writer for tests, written from the ESRI technical description (header, record headers big-endian,
 * shape content little-endian, .shx offsets) — independent of the reader it tests.
 */
final class ShapefileFixture {
    private ShapefileFixture() {
    }

    /** A polygon record: parts of x,y pairs. */
    static byte[] polygonContent(int type, double[][] parts) {
        int points = 0;
        for (double[] p : parts) {
            points += p.length / 2;
        }
        int zm = type == 15 ? 16 + 8 * points + 16 + 8 * points : 0; // Z range + Z array + M range + M array
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.length + 16 * points + zm).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] p : parts) {
            for (int i = 0; i < p.length; i += 2) {
                minX = Math.min(minX, p[i]);
                maxX = Math.max(maxX, p[i]);
                minY = Math.min(minY, p[i + 1]);
                maxY = Math.max(maxY, p[i + 1]);
            }
        }
        b.putDouble(minX).putDouble(minY).putDouble(maxX).putDouble(maxY);
        b.putInt(parts.length).putInt(points);
        int start = 0;
        for (double[] p : parts) {
            b.putInt(start);
            start += p.length / 2;
        }
        for (double[] p : parts) {
            for (double v : p) {
                b.putDouble(v);
            }
        }
        if (type == 15) {
            b.putDouble(10).putDouble(20);
            for (int i = 0; i < points; i++) {
                b.putDouble(15);
            }
            b.putDouble(0).putDouble(0);
            for (int i = 0; i < points; i++) {
                b.putDouble(0);
            }
        }
        return b.array();
    }

    /** A polyline (type 3) record: same layout as a polygon record. */
    static byte[] polylineContent(double[][] parts) {
        byte[] b = polygonContent(5, parts);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 3);
        return b;
    }

    static byte[] multipointContent(double... xy) {
        ByteBuffer b = ByteBuffer.allocate(40 + 8 * xy.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8).putDouble(0).putDouble(0).putDouble(0).putDouble(0).putInt(xy.length / 2);
        for (double v : xy) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] pointContent(double x, double y) {
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(x).putDouble(y).array();
    }

    static void writeShp(Path shp, int shapeType, List<byte[]> contents) throws IOException {
        int total = 100;
        for (byte[] c : contents) {
            total += 8 + c.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total);
        ByteBuffer x = ByteBuffer.allocate(100 + 8 * contents.size());
        header(b, total, shapeType);
        header(x, 100 + 8 * contents.size(), shapeType);
        int n = 1;
        for (byte[] c : contents) {
            x.order(ByteOrder.BIG_ENDIAN).putInt(b.position() / 2).putInt(c.length / 2);
            b.order(ByteOrder.BIG_ENDIAN).putInt(n++).putInt(c.length / 2);
            b.put(c);
        }
        Files.write(shp, b.array());
        Files.write(Path.of(shp.toString().replaceAll("\\.shp$", ".shx")), x.array());
    }

    private static void header(ByteBuffer b, int bytes, int type) {
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
        for (int i = 0; i < 5; i++) {
            b.putInt(0);
        }
        b.putInt(bytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type);
        for (int i = 0; i < 8; i++) {
            b.putDouble(0);
        }
    }

    /** A dBASE III table: fields "name:C:len" or "name:N:len:dec"; values as strings, encoded with {@code cs}. */
    static void writeDbf(Path dbf, Charset cs, byte ldid, String[] fields, List<String[]> rows) throws IOException {
        int recordLength = 1;
        int[] len = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            len[i] = Integer.parseInt(fields[i].split(":")[2]);
            recordLength += len[i];
        }
        int headerLength = 32 + 32 * fields.length + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * rows.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 126).put((byte) 1).put((byte) 1);
        b.putInt(rows.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.position(29);
        b.put(ldid);
        b.position(32);
        for (int i = 0; i < fields.length; i++) {
            String[] f = fields[i].split(":");
            byte[] name = f[0].getBytes(cs);
            byte[] fd = new byte[32];
            System.arraycopy(name, 0, fd, 0, Math.min(10, name.length));
            fd[11] = (byte) f[1].charAt(0);
            fd[16] = (byte) len[i];
            fd[17] = (byte) (f.length > 3 ? Integer.parseInt(f[3]) : 0);
            b.put(fd);
        }
        b.put((byte) 0x0D);
        for (String[] r : rows) {
            b.put((byte) ' ');
            for (int i = 0; i < fields.length; i++) {
                byte[] v = r[i].getBytes(cs);
                byte[] cell = new byte[len[i]];
                java.util.Arrays.fill(cell, (byte) ' ');
                boolean numeric = fields[i].split(":")[1].equals("N");
                int off = numeric ? len[i] - v.length : 0;
                System.arraycopy(v, 0, cell, off, v.length);
                b.put(cell);
            }
        }
        b.put((byte) 0x1A);
        Files.write(dbf, b.array());
    }
}
