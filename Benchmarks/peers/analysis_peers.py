#!/usr/bin/env python3
"""Peers for the analysis rows on the synthetic panel (issue 10 items 2-4; goals of issues 4 and 5).

    analysis_peers.py TASK --input PANEL_PREFIX [--size LABEL] [--warmup N] [--runs N]

The panel (generate/panel.py) is loaded before timing, as tradescope's harness loads it in its
warm-up. BENCH_SERIES_LIMIT=K (set by run.py for slow peers) keeps the first K series; tradescope
gets the same K, so both compute the same checksum.

statsmodels-stl: STL(log y, period=12, robust=True).fit() per series (seasonal 7, derived
    trend and low-pass windows, 2 inner and 15 outer iterations: the defaults tradescope follows).
    Checksum: Σ trend, Σ seasonal, Σ robustness weights, and trend[k][t] for k < 3, t in 0,60,120,239.
numpy-anomalies: residuals of a least-squares line through log y (all series at once), robust z =
    (r − median r) / (1.4826 · median|r − median r|) per series, flags |z| > 3.5.
    Checksum: flag count, Σ flagged index, Σ flagged z.
ruptures-pelt: ruptures Pelt(model="l2", min_size=1, jump=1).fit(log y).predict(pen=σ̂² log n),
    σ̂ = 1.4826 · median|Δy − median Δy| / √2: the objective of tradescope's change-in-mean PELT
    (cost Σ(y − ȳ)² / σ̂², penalty log n) multiplied by σ̂². Checksum: change points, Σ index, Σ index².
"""
import json
import math
import os
import sys

import numpy as np

from common import arguments, measure

STL_PROBES = (0, 60, 120, 239)


def load(prefix):
    with open(prefix + ".json") as meta_file:
        meta = json.load(meta_file)
    values = np.fromfile(prefix + ".f64", dtype="<f8").reshape(meta["series"], meta["months"])
    limit = int(os.environ.get("BENCH_SERIES_LIMIT", "0") or 0)
    if limit > 0:
        values = values[:limit]
    return np.ascontiguousarray(values)


def statsmodels_stl(values):
    from statsmodels.tsa.seasonal import STL
    logs = np.log(values)
    checksum = {"trend_sum": 0.0, "seasonal_sum": 0.0, "weight_sum": 0.0}
    for k in range(logs.shape[0]):
        result = STL(logs[k], period=12, robust=True).fit()
        checksum["trend_sum"] += float(result.trend.sum())
        checksum["seasonal_sum"] += float(result.seasonal.sum())
        checksum["weight_sum"] += float(result.weights.sum())
        if k < 3:
            for t in STL_PROBES:
                if t < logs.shape[1]:
                    checksum[f"trend_{k}_{t}"] = float(result.trend[t])
    return logs.shape[0], checksum


def numpy_anomalies(values):
    y = np.log(values)
    n, t_count = y.shape
    x = np.column_stack([np.ones(t_count), np.arange(t_count, dtype=np.float64)])
    coefficients, *_ = np.linalg.lstsq(x, y.T, rcond=None)
    residuals = y - (x @ coefficients).T
    center = np.median(residuals, axis=1, keepdims=True)
    scale = 1.4826 * np.median(np.abs(residuals - center), axis=1, keepdims=True)
    z = (residuals - center) / scale
    rows, columns = np.nonzero(np.abs(z) > 3.5)
    return n, {"flags": float(rows.size), "flag_index_sum": float(columns.sum()), "flag_z_sum": float(z[rows, columns].sum())}


def ruptures_pelt(values):
    import ruptures as rpt
    logs = np.log(values)
    n, t_count = logs.shape
    changes = indices = squares = 0
    for k in range(n):
        y = logs[k]
        d = np.diff(y)
        sigma = 1.4826 * np.median(np.abs(d - np.median(d))) / math.sqrt(2.0)
        breaks = rpt.Pelt(model="l2", min_size=1, jump=1).fit(y).predict(pen=sigma * sigma * math.log(t_count))
        breaks = breaks[:-1]  # the last is n, not a change point
        changes += len(breaks)
        indices += sum(breaks)
        squares += sum(b * b for b in breaks)
    return n, {"changes": float(changes), "change_index_sum": float(indices), "change_index_sq_sum": float(squares)}


TASKS = {"statsmodels-stl": statsmodels_stl, "numpy-anomalies": numpy_anomalies, "ruptures-pelt": ruptures_pelt}

if __name__ == "__main__":
    args = arguments(sys.argv[1:])
    values = load(args.input)
    measure(args.task.split("-")[0], args.task, args.size, lambda: TASKS[args.task](values),
            args.warmup, args.runs, None)
