#!/usr/bin/env python3
"""Writes a SYNTHETIC panel of monthly series for the trend / STL / break benchmarks.

Benchmark input only: every value is drawn from a seeded generator (numpy PCG64).
Each series i has `months` points from 2005-01:

    log y[t] = a_i + b_i * t + s_i(month(t)) + shift_i(t) + e[t],   e ~ N(0, sigma_i^2)

with a_i ~ N(10, 2), b_i ~ N(0.002, 0.006) per month, a seasonal pattern of amplitude
U(0, 0.4) (a random phase sine plus a small random 12-month profile), sigma_i ~ U(0.05, 0.3),
and 0 to 3 level shifts (about 40% of series have none) of size N(0, 0.5) at random months
at least 24 months from either end. Values are y = exp(log y), all positive.

Outputs (little-endian float64, row-major: series after series):
  <out>.f64            the values, series_count x months
  <out>.json           {"series": N, "months": T, "start": "2005-01", "seed": ...,
                        "shifts": [[series, month index, size], ...]}

Usage: panel.py --series 20000 --months 240 --seed 20261129 --out Benchmarks/data/panel_20000x240
"""
import argparse
import json
import os
import sys

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--series", type=int, default=20_000)
    parser.add_argument("--months", type=int, default=240)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    rng = np.random.Generator(np.random.PCG64(args.seed))
    n, t_count = args.series, args.months
    t = np.arange(t_count, dtype=np.float64)
    month = t.astype(np.int64) % 12

    a = rng.normal(10.0, 2.0, size=(n, 1))
    b = rng.normal(0.002, 0.006, size=(n, 1))
    amp = rng.uniform(0.0, 0.4, size=(n, 1))
    phase = rng.uniform(0.0, 2 * np.pi, size=(n, 1))
    profile = rng.normal(0.0, 0.05, size=(n, 12))
    seasonal = amp * np.sin(2 * np.pi * month[None, :] / 12.0 + phase) + profile[:, month]
    sigma = rng.uniform(0.05, 0.3, size=(n, 1))
    noise = rng.normal(0.0, 1.0, size=(n, t_count)) * sigma

    shift = np.zeros((n, t_count))
    shifts = []
    counts = rng.choice([0, 1, 2, 3], size=n, p=[0.4, 0.3, 0.2, 0.1])
    lo, hi = 24, max(25, t_count - 24)
    for i in np.nonzero(counts)[0]:
        for _ in range(counts[i]):
            at = int(rng.integers(lo, hi))
            size = float(rng.normal(0.0, 0.5))
            shift[i, at:] += size
            shifts.append([int(i), at, size])

    log_y = a + b * t[None, :] + seasonal + shift + noise
    y = np.exp(log_y).astype("<f8")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    y.tofile(args.out + ".f64.tmp")
    os.replace(args.out + ".f64.tmp", args.out + ".f64")
    with open(args.out + ".json", "w") as meta:
        json.dump({"series": n, "months": t_count, "start": "2005-01", "seed": args.seed,
                   "shifts": shifts}, meta)
    print(f"wrote {args.out}.f64: {n} series x {t_count} months", file=sys.stderr)


if __name__ == "__main__":
    main()
