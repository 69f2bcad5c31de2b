#!/usr/bin/env python3
"""Hourly station data for the sample city 示例市 (fictional): four stations, 2025-01-01 01:00 to 2026-07-01 00:00 — the
whole year 2025 (assessed under the 2012 standards) and a half year that crosses 2026-03-01, when HJ 633-2026 and
GB 3095-2026 replaced the 2012 versions.

Deterministic (seeded). Pollution follows a seasonal cycle (PM2.5, NO2, SO2, CO high in winter; O3 high in summer
afternoons), a daily cycle (NO2/CO rush hours, O3 afternoon peak), multi-day weather episodes (AR(1) in log space shared by
the stations) and station offsets. Missing values are written the ways real exports write them: empty cells, "—", "NA"
and a negative value; station SL-A04 has an outage of 10 days in January 2025, so its 2025 annual statistics fail the
27-days-per-month rule. Units: µg/m³, CO mg/m³; time is the end of the hour, local time.

Usage: python3 make_air.py > ../project/air/hourly-2025-2026.csv
"""
import math
import random
import sys
from datetime import datetime, timedelta

rnd = random.Random(20260301)
STATIONS = [  # code, name, factor for primary pollutants, factor for O3
    ("SL-A01", 1.00, 1.00),
    ("SL-A02", 1.25, 0.92),  # industrial park: more SO2/NO2/PM
    ("SL-A03", 0.90, 1.05),
    ("SL-A04", 0.70, 1.12),  # background station upwind
]
start = datetime(2025, 1, 1, 1)
end = datetime(2026, 7, 1, 0)
outage = (datetime(2025, 1, 10, 1), datetime(2025, 1, 20, 0))

out = sys.stdout
out.write("station,time,SO2,NO2,PM10,PM2.5,CO,O3\n")
episode = 0.0
t = start
hours = []
while t <= end:
    hours.append(t)
    t += timedelta(hours=1)

# One shared weather signal (AR(1), hourly) and one per station.
shared = []
for _ in hours:
    episode = 0.985 * episode + rnd.gauss(0, 0.065)
    shared.append(episode)

for code, kp, ko in STATIONS:
    local = 0.0
    for i, t in enumerate(hours):
        local = 0.95 * local + rnd.gauss(0, 0.05)
        doy = t.timetuple().tm_yday
        winter = math.cos(2 * math.pi * (doy - 15) / 365.0)  # +1 mid-January, -1 mid-July
        h = t.hour
        rush = math.exp(-((h - 8) ** 2) / 4.0) + 0.8 * math.exp(-((h - 19) ** 2) / 5.0)
        sun = max(0.0, math.sin(math.pi * (h - 6) / 14.0)) if 6 <= h <= 20 else 0.0
        e = math.exp(shared[i] + local)
        pm25 = kp * (38 + 28 * winter) * e * (0.9 + 0.2 * rush) * math.exp(rnd.gauss(0, 0.15))
        pm10 = pm25 * (1.55 + 0.25 * rnd.random()) + 8 * (1 - winter) * rnd.random()
        no2 = kp * (30 + 12 * winter) * (0.7 + 0.8 * rush) * math.exp(0.6 * (shared[i] + local) + rnd.gauss(0, 0.18))
        so2 = kp * (7 + 5 * winter) * math.exp(0.5 * (shared[i] + local) + rnd.gauss(0, 0.25))
        co = kp * (0.65 + 0.35 * winter) * (0.85 + 0.3 * rush) * math.exp(0.5 * (shared[i] + local) + rnd.gauss(0, 0.12))
        o3 = ko * (25 + (95 - 45 * winter) * sun) * math.exp(0.3 * shared[i] + rnd.gauss(0, 0.18)) * (1.1 - 0.3 * rush)
        values = [so2, no2, pm10, pm25, co, o3]
        cells = []
        for j, v in enumerate(values):
            cells.append(f"{v:.2f}" if j == 4 else f"{round(v)}")  # CO in mg/m³ with two decimals
        if outage[0] <= t <= outage[1] and code == "SL-A04":
            cells = ["", "", "", "", "", ""]
        else:
            r = rnd.random()
            if r < 0.008:
                cells = ["", "", "", "", "", ""]  # instrument down for the hour
            elif r < 0.012:
                cells[rnd.randrange(6)] = "—"
            elif r < 0.015:
                cells[rnd.randrange(6)] = "NA"
            elif r < 0.016:
                cells[3] = "-5"  # an invalid negative value
        out.write(f"{code},{t:%Y-%m-%d %H:%M},{','.join(cells)}\n")
