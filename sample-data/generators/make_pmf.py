#!/usr/bin/env python3
"""Speciated PM2.5 for the sample city 示例市 (fictional), made from six known source profiles so that a PMF run should
recover them. Deterministic (seeded).

x[i][j] = Σ_k g[i][k]·f[k][j] (true), then measured with a relative error (the species' error fraction) and an absolute
noise of MDL/3; values are written as measured (some below the MDL), a few cells are left empty (missing). PM2.5 mass is
the sum of the sources' masses (each profile is a mass fraction of its source, PM2.5 = 1).

Writes, in ../project/pmf/: pm25-conc.csv (date + species, µg/m³), pm25-species.csv (species, mdl, error_fraction),
true-profiles.csv (source × species, mass fraction), true-contributions.csv (date × source, µg/m³).
Usage: python3 make_pmf.py
"""
import math
import os
import random
from datetime import date, timedelta

rnd = random.Random(25)
here = os.path.dirname(os.path.abspath(__file__))
outdir = os.path.join(here, "..", "project", "pmf")

SPECIES = ["PM2.5", "OC", "EC", "SO4", "NO3", "NH4", "Cl", "K", "Na", "Mg", "Al", "Si", "Ca", "Fe", "Ti", "Mn", "Zn",
           "Pb", "Cu", "As"]
MDL = {"PM2.5": 1.0, "OC": 0.2, "EC": 0.1, "SO4": 0.05, "NO3": 0.05, "NH4": 0.05, "Cl": 0.03, "K": 0.02, "Na": 0.03,
       "Mg": 0.01, "Al": 0.02, "Si": 0.02, "Ca": 0.01, "Fe": 0.005, "Ti": 0.002, "Mn": 0.001, "Zn": 0.002, "Pb": 0.002,
       "Cu": 0.001, "As": 0.0005}
EF = {s: (0.05 if s in ("PM2.5", "SO4", "NO3", "NH4", "Cl", "K", "Na") else 0.10) for s in SPECIES}

# name (English), name (Chinese), mean µg/m³, seasonal amplitude (winter +), profile (mass fractions)
SOURCES = [
    ("secondary sulfate", "二次硫酸盐", 8.0, 0.1,
     {"SO4": 0.55, "NH4": 0.18, "OC": 0.08, "NO3": 0.02, "EC": 0.004, "K": 0.003}),
    ("secondary nitrate", "二次硝酸盐", 9.0, 0.6,
     {"NO3": 0.55, "NH4": 0.17, "SO4": 0.04, "OC": 0.06, "Cl": 0.01}),
    ("coal combustion", "燃煤", 6.0, 0.5,
     {"SO4": 0.12, "OC": 0.08, "EC": 0.04, "Cl": 0.08, "As": 0.002, "Pb": 0.004, "Al": 0.012, "Si": 0.02, "Ca": 0.006,
      "Fe": 0.006, "NH4": 0.02, "Zn": 0.002}),
    ("vehicles", "机动车", 7.0, 0.1,
     {"OC": 0.35, "EC": 0.18, "NO3": 0.05, "SO4": 0.02, "Zn": 0.004, "Cu": 0.002, "Fe": 0.01, "Mn": 0.0005, "Ca": 0.005}),
    ("dust", "扬尘", 5.0, -0.3,
     {"Si": 0.18, "Al": 0.07, "Ca": 0.08, "Fe": 0.045, "Mg": 0.012, "K": 0.02, "Ti": 0.005, "Mn": 0.001, "Na": 0.01,
      "OC": 0.06, "EC": 0.005}),
    ("biomass burning", "生物质燃烧", 4.0, 0.4,
     {"OC": 0.40, "EC": 0.08, "K": 0.06, "Cl": 0.05, "NO3": 0.03, "SO4": 0.03, "NH4": 0.02, "Na": 0.005, "Zn": 0.001}),
]

N = 365
start = date(2025, 6, 1)
profiles = []
for _, _, _, _, prof in SOURCES:
    row = {s: prof.get(s, 0.0) for s in SPECIES}
    row["PM2.5"] = 1.0
    profiles.append(row)

dates = [start + timedelta(days=i) for i in range(N)]
G = []
for d in dates:
    winter = math.cos(2 * math.pi * (d.timetuple().tm_yday - 15) / 365.0)
    G.append([mean * (1 + amp * winter) * math.exp(rnd.gauss(-0.125, 0.5)) for _, _, mean, amp, _ in SOURCES])

with open(os.path.join(outdir, "true-profiles.csv"), "w", encoding="utf-8") as f:
    f.write("source,source_zh," + ",".join(SPECIES) + "\n")
    for (name, zh, *_), p in zip(SOURCES, profiles):
        f.write(f"{name},{zh}," + ",".join(f"{p[s]:g}" for s in SPECIES) + "\n")
with open(os.path.join(outdir, "true-contributions.csv"), "w", encoding="utf-8") as f:
    f.write("date," + ",".join(s[0] for s in SOURCES) + "\n")
    for d, g in zip(dates, G):
        f.write(f"{d.isoformat()}," + ",".join(f"{v:.4f}" for v in g) + "\n")
with open(os.path.join(outdir, "pm25-species.csv"), "w", encoding="utf-8") as f:
    f.write("species,mdl,error_fraction\n")
    for s in SPECIES:
        f.write(f"{s},{MDL[s]:g},{EF[s]:g}\n")
with open(os.path.join(outdir, "pm25-conc.csv"), "w", encoding="utf-8") as f:
    f.write("date," + ",".join(SPECIES) + "\n")
    for d, g in zip(dates, G):
        cells = []
        for s in SPECIES:
            x = sum(gk * p[s] for gk, p in zip(g, profiles))
            v = x * (1 + EF[s] * rnd.gauss(0, 1)) + rnd.gauss(0, MDL[s] / 3)
            v = max(v, MDL[s] * 0.1 * rnd.random())
            cells.append("" if rnd.random() < 0.004 else f"{v:.4g}")
        f.write(f"{d.isoformat()}," + ",".join(cells) + "\n")
