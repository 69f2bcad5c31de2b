#!/usr/bin/env python3
"""Draws the boundaries of the fictional city 示例市 (four counties), a river and some enterprises.

Everything here is invented by this script (sums of sines around 117°E 31°N, CGCS2000 longitude/latitude), so the
files may be redistributed with the project. Run: python3 generate.py (writes the files next to this script).
"""
import json
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
X0, X1, Y0, Y1 = 116.8, 117.4, 30.8, 31.2
N = 60  # points per edge


def west(y):   # zero offset at 30.8, 30.9, 31.0, 31.1, 31.2
    return X0 + 0.018 * math.sin(4 * math.pi * (y - Y0) / 0.4) + 0.006 * math.sin(12 * math.pi * (y - Y0) / 0.4)


def east(y):
    return X1 + 0.015 * math.sin(8 * math.pi * (y - Y0) / 0.4) - 0.005 * math.sin(20 * math.pi * (y - Y0) / 0.4)


def south(x):  # zero at 116.8, 117.1, 117.4
    return Y0 - 0.02 * math.sin(2 * math.pi * (x - X0) / 0.6) + 0.006 * math.sin(10 * math.pi * (x - X0) / 0.6)


def north(x):
    return Y1 + 0.017 * math.sin(4 * math.pi * (x - X0) / 0.6) + 0.005 * math.sin(14 * math.pi * (x - X0) / 0.6)


def h(c):
    return lambda x: c + 0.012 * math.sin(2 * math.pi * (x - X0) / 0.6) + 0.004 * math.sin(18 * math.pi * (x - X0) / 0.6)


H_NORTH, H_SOUTH = h(31.0), h(30.9)


def v(y):      # zero at 30.9 and 31.0
    return 117.1 + 0.02 * math.sin(math.pi * (y - 30.9) / 0.1) + 0.006 * math.sin(5 * math.pi * (y - 30.9) / 0.1)


def along_x(f, xa, xb):
    return [(xa + (xb - xa) * i / N, f(xa + (xb - xa) * i / N)) for i in range(N + 1)]


def along_y(f, ya, yb):
    return [(f(ya + (yb - ya) * i / N), ya + (yb - ya) * i / N) for i in range(N + 1)]


def ring(*pieces):
    pts = []
    for p in pieces:
        pts.extend(p if not pts else p[1:])
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    # counter-clockwise (RFC 7946 right-hand rule)
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:]))
    if area < 0:
        pts.reverse()
    return [[round(x, 6), round(y, 6)] for x, y in pts]


counties = [
    ("北县", "999901", 38.2, ring(along_x(H_NORTH, X0, X1), along_y(east, 31.0, Y1), along_x(north, X1, X0), along_y(west, Y1, 31.0))),
    ("西城区", "999902", 64.5, ring(along_x(H_SOUTH, X0, 117.1), along_y(v, 30.9, 31.0), along_x(H_NORTH, 117.1, X0), along_y(west, 31.0, 30.9))),
    ("东城区", "999903", 71.9, ring(along_x(H_SOUTH, 117.1, X1), along_y(east, 30.9, 31.0), along_x(H_NORTH, X1, 117.1), along_y(v, 31.0, 30.9))),
    ("南县", "999904", 29.6, ring(along_x(south, X0, X1), along_y(east, Y0, 30.9), along_x(H_SOUTH, X1, X0), along_y(west, 30.9, Y0))),
]

river = [[round(116.75 + 0.7 * i / 120, 6), round(31.16 - 0.34 * i / 120 + 0.03 * math.sin(i / 9.0), 6)] for i in range(121)]

enterprises = [
    ("示例热电有限公司", "电力热力源", 1250.0, 117.02, 31.03),
    ("示例水泥厂", "工业源", 860.5, 117.25, 30.95),
    ("示例化工园区污水处理厂", "废弃物处理源", 42.0, 117.31, 31.12),
    ("示例钢铁有限公司", "工业源", 2300.0, 116.91, 30.86),
    ("示例汽车涂装厂", "工业源", 310.2, 117.15, 30.93),
]


def fc(features):
    return {"type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
            "features": features}


def write_json(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


write_json("counties.geojson", fc([{"type": "Feature", "properties": {"名称": n, "代码": c, "人口_万": p},
                                     "geometry": {"type": "Polygon", "coordinates": [r]}} for n, c, p, r in counties]))
write_json("river.geojson", fc([{"type": "Feature", "properties": {"名称": "示例河"},
                                 "geometry": {"type": "LineString", "coordinates": river}}]))
write_json("enterprises.geojson", fc([{"type": "Feature", "properties": {"名称": n, "类别": k, "排放量_t": e},
                                       "geometry": {"type": "Point", "coordinates": [x, y]}} for n, k, e, x, y in enterprises]))

# The same counties as a GBK shapefile (as a surveying bureau would deliver it): shells clockwise (ESRI rule).
def shp_polygon(points):
    pts = list(reversed(points))  # clockwise
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    body = struct.pack("<i4d2i", 5, min(xs), min(ys), max(xs), max(ys), 1, len(pts)) + struct.pack("<i", 0)
    body += b"".join(struct.pack("<2d", x, y) for x, y in pts)
    return body


records = [shp_polygon(r) for _, _, _, r in counties]
allx = [p[0] for *_, r in counties for p in r]
ally = [p[1] for *_, r in counties for p in r]


def header(length_bytes):
    return struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length_bytes // 2) + struct.pack("<2i4d4d", 1000, 5, min(allx), min(ally),
                                                                                     max(allx), max(ally), 0, 0, 0, 0)


shp = b""
shx = b""
offset = 100
for i, rec in enumerate(records):
    shp += struct.pack(">2i", i + 1, len(rec) // 2) + rec
    shx += struct.pack(">2i", offset // 2, len(rec) // 2)
    offset += 8 + len(rec)
base = os.path.join(HERE, "counties_gbk")
os.makedirs(base, exist_ok=True)
with open(os.path.join(base, "示例市县界.shp"), "wb") as f:
    f.write(header(100 + len(shp)) + shp)
with open(os.path.join(base, "示例市县界.shx"), "wb") as f:
    f.write(header(100 + len(shx)) + shx)
fields = [("名称", b"C", 20, 0), ("代码", b"C", 6, 0), ("人口_万", b"N", 8, 1)]
rec_len = 1 + sum(f[2] for f in fields)
hdr_len = 32 + 32 * len(fields) + 1
dbf = struct.pack("<4BIHH20x", 3, 126, 1, 1, len(counties), hdr_len, rec_len)
dbf = dbf[:29] + bytes([0x4D]) + dbf[30:]
for name, typ, ln, dec in fields:
    dbf += name.encode("gbk").ljust(11, b"\0") + typ + b"\0" * 4 + bytes([ln, dec]) + b"\0" * 14
dbf += b"\x0d"
for n, c, p, _ in counties:
    dbf += b" " + n.encode("gbk").ljust(20) + c.encode("ascii").ljust(6) + ("%.1f" % p).encode("ascii").rjust(8)
dbf += b"\x1a"
with open(os.path.join(base, "示例市县界.dbf"), "wb") as f:
    f.write(dbf)
with open(os.path.join(base, "示例市县界.cpg"), "w") as f:
    f.write("GBK\n")
with open(os.path.join(base, "示例市县界.prj"), "w") as f:
    f.write('GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],'
            'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]]')

style = {
    "title": "示例市 行政区划与重点企业",
    "layers": {
        "counties": {"stroke": "#555555", "strokeWidth": 0.8, "label": "名称",
                     "graduated": {"field": "人口_万", "breaks": [35, 60], "colors": ["#fee8c8", "#fdbb84", "#e34a33"]}},
        "river": {"stroke": "#3182bd", "strokeWidth": 1.6},
        "enterprises": {"fill": "#222222", "stroke": "#ffffff", "symbol": "triangle", "size": 8, "label": "名称"},
    },
}
write_json("style.json", style)
