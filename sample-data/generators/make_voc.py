#!/usr/bin/env python3
"""VOC samples (ppbv) for the sample city 示例市 (fictional): a summer campaign of 48 hourly samples at SL-A01, mixed from
five source types (vehicle exhaust, LPG, solvent use, petrochemical industry, biogenic) with a daily cycle, in the long
format `sample,time,species,value`. Species by English name as in the MIR table; two rows use the Chinese name and one
the CAS number, and one species (a made-up "unknownane") is not in the MIR table so that it is reported, not dropped.
Also writes nox.csv (sample,time,NOx in ppbv) for the VOC/NOx ratio. Deterministic (seeded).
Usage: python3 make_voc.py
"""
import math
import os
import random
from datetime import datetime, timedelta

rnd = random.Random(7)
here = os.path.dirname(os.path.abspath(__file__))
outdir = os.path.join(here, "..", "project", "voc")

SOURCES = {
    "vehicle": {"ethylene": 4.0, "propylene": 1.2, "acetylene": 3.0, "isopentane": 2.5, "n-pentane": 1.0, "benzene": 0.9,
                "toluene": 2.0, "m-xylene": 0.7, "p-xylene": 0.4, "o-xylene": 0.5, "ethylbenzene": 0.5,
                "2-methylpentane": 0.8, "n-hexane": 0.6, "1-butene": 0.3, "formaldehyde": 1.5, "acetaldehyde": 0.8},
    "lpg": {"propane": 6.0, "n-butane": 4.0, "isobutane": 3.0, "propylene": 0.5, "trans-2-butene": 0.2},
    "solvent": {"toluene": 5.0, "ethylbenzene": 1.5, "m-xylene": 2.0, "p-xylene": 1.0, "o-xylene": 1.2, "styrene": 0.4,
                "acetone": 3.0, "2-butanone (MEK)": 1.0, "n-decane": 0.3},
    "petrochemical": {"ethane": 3.0, "propane": 2.0, "ethylene": 2.0, "propylene": 2.5, "benzene": 1.0, "n-heptane": 0.5,
                      "methylcyclohexane": 0.4, "cyclohexane": 0.5, "1-hexene": 0.2},
    "biogenic": {"isoprene": 1.0},
}
species = sorted({s for prof in SOURCES.values() for s in prof})
ALIASES = {"toluene": "甲苯", "benzene": "71-43-2"}  # written this way in some rows

start = datetime(2026, 7, 15, 1)
rows = []
nox = []
for i in range(48):
    t = start + timedelta(hours=i)
    h = t.hour
    rush = math.exp(-((h - 8) ** 2) / 4.0) + 0.8 * math.exp(-((h - 18) ** 2) / 5.0)
    sun = max(0.0, math.sin(math.pi * (h - 6) / 14.0)) if 6 <= h <= 20 else 0.0
    scale = {"vehicle": 0.5 + 1.2 * rush, "lpg": 0.6 + 0.6 * rush, "solvent": 0.5 + 0.5 * sun,
             "petrochemical": 0.8 * math.exp(rnd.gauss(0, 0.6)), "biogenic": 2.5 * sun + 0.05}
    sample = f"V{i + 1:03d}"
    for s in species:
        v = sum(scale[src] * prof.get(s, 0.0) for src, prof in SOURCES.items()) * math.exp(rnd.gauss(0, 0.15))
        name = ALIASES.get(s, s) if i % 12 == 0 else s
        rows.append((sample, t, name, v))
    rows.append((sample, t, "unknownane", 0.05))
    nox.append((sample, t, (12 + 25 * rush) * math.exp(rnd.gauss(0, 0.2))))

with open(os.path.join(outdir, "voc.csv"), "w", encoding="utf-8") as f:
    f.write("sample,time,species,value\n")
    for sample, t, name, v in rows:
        q = f'"{name}"' if "," in name else name
        f.write(f"{sample},{t:%Y-%m-%d %H:%M},{q},{v:.3f}\n")
with open(os.path.join(outdir, "nox.csv"), "w", encoding="utf-8") as f:
    f.write("sample,time,NOx\n")
    for sample, t, v in nox:
        f.write(f"{sample},{t:%Y-%m-%d %H:%M},{v:.2f}\n")
