#!/usr/bin/env python3
"""The fictional sample city 示例市 (administrative code 990100 — "99" is no province's code, so it cannot be mistaken
for a real place): its four counties' boundaries, the river 清水河 and the lake 镜湖, all drawn here for this purpose
(free to redistribute with the project); its sites (air stations, river sections, lake points, sources); its emission
inventory (built from the rows of examples/inventory, placed in the city's counties) with two reduction scenarios; and a
small GHG inventory for two years. Deterministic. Usage: python3 make_city.py
"""
import csv
import json
import os
import random

rnd = random.Random(990100)
here = os.path.dirname(os.path.abspath(__file__))
proj = os.path.join(here, "..", "project")
examples = os.path.join(here, "..", "examples")

# ---- boundaries: a 0.6° × 0.4° city in four counties, with jittered shared edges ----
W, E, S, N = 117.00, 117.60, 31.00, 31.40
Y1, Y2, XM = 31.12, 31.25, 117.30


def edge(a, b, n=8, amp=0.012):
    """Points from a to b (exclusive of b) with a perpendicular jitter; the same call is reused for both neighbours."""
    pts = []
    for i in range(n):
        t = i / n
        x = a[0] + (b[0] - a[0]) * t
        y = a[1] + (b[1] - a[1]) * t
        j = 0 if i == 0 else rnd.uniform(-amp, amp)
        if a[0] == b[0]:
            x += j
        else:
            y += j
        pts.append((round(x, 5), round(y, 5)))
    return pts


corners = {k: v for k, v in {
    "SW": (W, S), "SE": (E, S), "NW": (W, N), "NE": (E, N), "W1": (W, Y1), "E1": (E, Y1), "W2": (W, Y2), "E2": (E, Y2),
    "M1": (XM, Y1), "M2": (XM, Y2)}.items()}
e = {}
def seg(name, a, b, n=8, amp=0.012):
    e[name] = edge(corners[a], corners[b], n, amp)

seg("south", "SW", "SE", 12, 0.01)
seg("north", "NE", "NW", 12, 0.01)
seg("y1w", "W1", "M1", 6)
seg("y1e", "M1", "E1", 6)
seg("y2w", "W2", "M2", 6)
seg("y2e", "M2", "E2", 6)
seg("mid", "M1", "M2", 4)
seg("west_s", "W1", "SW", 4, 0.008)
seg("west_m", "W2", "W1", 4, 0.008)
seg("west_n", "NW", "W2", 4, 0.008)
seg("east_s", "SE", "E1", 4, 0.008)
seg("east_m", "E1", "E2", 4, 0.008)
seg("east_n", "E2", "NE", 4, 0.008)


def rev(pts, end):
    """The same edge walked the other way (from its end point)."""
    full = pts + [end]
    return list(reversed(full))[:-1]


ring = {
    "南县": e["south"] + e["east_s"] + rev(e["y1e"], corners["E1"]) + rev(e["y1w"], corners["M1"]) + e["west_s"],
    "西城区": e["y1w"] + e["mid"] + rev(e["y2w"], corners["M2"]) + e["west_m"],
    "东城区": e["y1e"] + e["east_m"] + rev(e["y2e"], corners["E2"]) + rev(e["mid"], corners["M2"]),
    "北县": e["y2w"] + e["y2e"] + e["east_n"] + e["north"] + e["west_n"],
}
codes = {"东城区": "990102", "西城区": "990103", "北县": "990121", "南县": "990122"}
features = []
for name, pts in ring.items():
    coords = [list(p) for p in pts] + [list(pts[0])]
    features.append({"type": "Feature", "properties": {"name": name, "adcode": codes[name], "level": "county"},
                     "geometry": {"type": "Polygon", "coordinates": [coords]}})
with open(os.path.join(proj, "map", "counties.geojson"), "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "name": "示例市区县界（虚构）", "crs": {"type": "name",
               "properties": {"name": "EPSG:4490"}}, "features": features}, f, ensure_ascii=False, indent=1)

river = [(117.02, 31.38), (117.08, 31.34), (117.14, 31.31), (117.19, 31.27), (117.25, 31.23), (117.31, 31.20),
         (117.36, 31.16), (117.41, 31.12), (117.44, 31.08), (117.46, 31.055)]
lake = [(117.43, 31.06), (117.47, 31.065), (117.52, 31.05), (117.53, 31.025), (117.50, 31.01), (117.45, 31.015),
        (117.43, 31.035), (117.43, 31.06)]
with open(os.path.join(proj, "map", "water.geojson"), "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "name": "示例市水系（虚构）", "features": [
        {"type": "Feature", "properties": {"name": "清水河", "kind": "river"},
         "geometry": {"type": "LineString", "coordinates": [list(p) for p in river]}},
        {"type": "Feature", "properties": {"name": "镜湖", "kind": "lake"},
         "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in lake]]}}]}, f, ensure_ascii=False, indent=1)

# ---- sites ----
SITES = [
    ("SL-A01", "示例市监测站", "空气站", 117.28, 31.19, "990103", "城区国控站"),
    ("SL-A02", "开发区监测站", "空气站", 117.48, 31.17, "990102", "工业区"),
    ("SL-A03", "北县监测站", "空气站", 117.30, 31.32, "990121", "县城"),
    ("SL-A04", "南县背景站", "空气站", 117.15, 31.05, "990122", "上风向背景站"),
    ("SL-W01", "清水河源头断面", "断面", 117.05, 31.36, "990121", "河流;参照点;目标II类"),
    ("SL-W02", "北县断面", "断面", 117.17, 31.285, "990121", "河流;目标III类"),
    ("SL-W03", "城区断面", "断面", 117.31, 31.20, "990103", "河流;目标III类"),
    ("SL-W04", "开发区下游断面", "断面", 117.41, 31.12, "990102", "河流;受损点;目标IV类"),
    ("SL-W05", "入湖口断面", "断面", 117.45, 31.065, "990122", "河流;受损点;目标III类"),
    ("SL-W06", "湖口下游断面", "断面", 117.455, 31.058, "990122", "河流;目标III类"),
    ("SL-L01", "镜湖湖心", "断面", 117.48, 31.04, "990122", "湖库;目标III类"),
    ("SL-L02", "镜湖南岸", "断面", 117.49, 31.02, "990122", "湖库;目标III类"),
    ("SL-L03", "镜湖东岸", "断面", 117.515, 31.035, "990122", "湖库;目标III类"),
    ("SL-S01", "示例热电厂", "污染源", 117.50, 31.15, "990102", "燃煤机组"),
    ("SL-S02", "北县水泥厂", "污染源", 117.10, 31.30, "990121", "水泥熟料"),
    ("SL-S03", "开发区家具厂", "污染源", 117.52, 31.18, "990102", "溶剂使用"),
]
# benthic sampling points: six reference points in the headwaters, six impaired ones below the industrial park
for k in range(6):
    SITES.append((f"SL-B{k + 1:02d}", f"源头参照点{k + 1}", "采样点", round(117.03 + 0.03 * k, 4),
                  round(31.36 - 0.012 * k, 4), "990121", "底栖动物;参照点"))
for k in range(6):
    SITES.append((f"SL-B{k + 7:02d}", f"下游受损点{k + 1}", "采样点", round(117.36 + 0.018 * k, 4),
                  round(31.16 - 0.016 * k, 4), "990102" if k < 3 else "990122", "底栖动物;受损点"))
with open(os.path.join(proj, "sites.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["站点编码", "站点名称", "类型", "经度", "纬度", "坐标系", "行政区划代码", "备注"])
    for s in SITES:
        w.writerow([s[0], s[1], s[2], f"{s[3]:.4f}", f"{s[4]:.4f}", "CGCS2000", s[5], s[6]])

# ---- inventory: the example rows placed in the city's counties, with more sources ----
COUNTY = {"甲区": "东城区", "乙县": "北县"}
LON, LAT = (120.0, 30.0), (117.2, 31.0)  # example coordinates shifted into the city
with open(os.path.join(examples, "inventory", "activities.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
header = list(rows[0].keys())
out = []
for r in rows:
    r = dict(r)
    r["county"] = COUNTY.get(r["county"], r["county"])
    if r["lon"]:
        r["lon"] = f"{float(r['lon']) - LON[0] + LAT[0]:.3f}"
        r["lat"] = f"{float(r['lat']) - LON[1] + LAT[1]:.3f}"
    out.append(r)
    # the same kind of source in the other counties, with other amounts
    if r["source_type"] in ("point", "area", "mobile") and not r["record_id"].startswith("P-"):
        for k, county in enumerate(["西城区", "南县"], start=1):
            c = dict(r)
            c["record_id"] = f"{r['record_id']}-{k}"
            c["county"] = county
            c["source"] = r["source"].replace("某", county)
            c["activity"] = f"{float(r['activity']) * rnd.uniform(0.4, 1.3):.4g}"
            if c["lon"]:
                c["lon"] = f"{float(c['lon']) + rnd.uniform(-0.15, 0.15):.3f}"
                c["lat"] = f"{float(c['lat']) + rnd.uniform(-0.05, 0.05):.3f}"
            if c.get("monitored_NOx"):
                c["monitored_NOx"] = ""
            out.append(c)
with open(os.path.join(proj, "inventory", "activities-2025.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(out)
for name in ("factors.csv", "controls.csv"):
    with open(os.path.join(examples, "inventory", name), encoding="utf-8") as src, \
            open(os.path.join(proj, "inventory", name), "w", encoding="utf-8") as dst:
        dst.write(src.read())
with open(os.path.join(examples, "inventory", "measures.csv"), encoding="utf-8") as f:
    text = f.read().replace("甲区", "东城区")
with open(os.path.join(proj, "inventory", "measures.csv"), "w", encoding="utf-8") as f:
    f.write(text)
for src_name, dst_name in (("ghg-base.csv", "ghg-2020.csv"), ("ghg.csv", "ghg-2025.csv")):
    with open(os.path.join(examples, "inventory", src_name), encoding="utf-8") as src, \
            open(os.path.join(proj, "ghg", dst_name), "w", encoding="utf-8") as dst:
        dst.write(src.read())

# ---- grid sources and proxies, moved into the city like the activities ----
import re


def shift_wkt(text):
    return re.sub(r"(\d+\.\d+) (\d+\.\d+)",
                  lambda m: f"{float(m.group(1)) - LON[0] + LAT[0]:.3f} {float(m.group(2)) - LON[1] + LAT[1]:.3f}", text)


for name in ("grid-sources.csv", "grid-proxies.csv"):
    with open(os.path.join(examples, "inventory", name), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r.get("lon"):
            r["lon"] = f"{float(r['lon']) - LON[0] + LAT[0]:.3f}"
            r["lat"] = f"{float(r['lat']) - LON[1] + LAT[1]:.3f}"
        if r.get("wkt"):
            r["wkt"] = shift_wkt(r["wkt"])
    with open(os.path.join(proj, "inventory", name), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

# ---- water: the example season and benthic survey placed at the city's sections and sampling points ----
CODES = {f"QS-0{k}": f"SL-W0{k}" for k in range(1, 7)}
CODES.update({f"DH-{k}": f"SL-L0{k}" for k in range(1, 4)})
CODES.update({f"R0{k}": f"SL-B0{k}" for k in range(1, 7)})
CODES.update({f"D0{k}": f"SL-B{k + 6:02d}" for k in range(1, 7)})
CODES.update({"N01": "SL-W02", "N02": "SL-W04"})
os.makedirs(os.path.join(proj, "water"), exist_ok=True)
for name in ("wq-river-season.csv", "wq-lake-season.csv", "benthic-survey.csv", "benthic-new.csv"):
    with open(os.path.join(examples, "water", name), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    out_rows = [rows[0]]
    for r in rows[1:]:
        r = [CODES.get(c, c) if i < 2 else c for i, c in enumerate(r)]
        # sample ids carry the site code: R01-2024-05 → SL-B01-2024-05
        if r and "-20" in r[0] and r[0].split("-20")[0] in CODES:
            r[0] = CODES[r[0].split("-20")[0]] + "-20" + r[0].split("-20", 1)[1]
        r = [c.replace("东湖", "镜湖").replace("2024-", "2026-") for c in r]  # in the project's period
        out_rows.append(r)
    with open(os.path.join(proj, "water", name), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out_rows)
