#!/usr/bin/env python3
"""Peers for the log-linear trend of every series of the panel (issue 4).

    log y[t] = a + b t + e[t],  t = 0..T-1,  per series

numpy-trend: vectorised closed form over all series at once (slope, intercept, slope SE only).
statsmodels-trend: a loop of sm.OLS(log y, [1, t]).fit() reading params, bse and pvalues
(full inference, as tradescope's TrendFit will give).
Checksum: Σ slope, Σ slope SE over all series.
"""
import json
import sys

import numpy as np

from common import arguments, measure


def load(prefix):
    with open(prefix + ".json") as meta_file:
        meta = json.load(meta_file)
    values = np.fromfile(prefix + ".f64", dtype="<f8").reshape(meta["series"], meta["months"])
    return values


def numpy_trend(values):
    y = np.log(values)
    n, t_count = y.shape
    t = np.arange(t_count, dtype=np.float64)
    tc = t - t.mean()
    sxx = tc @ tc
    ybar = y.mean(axis=1)
    slope = (y @ tc) / sxx
    intercept = ybar - slope * t.mean()
    residuals = y - intercept[:, None] - slope[:, None] * t[None, :]
    sigma2 = np.einsum("ij,ij->i", residuals, residuals) / (t_count - 2)
    se = np.sqrt(sigma2 / sxx)
    return n, {"slope_sum": float(slope.sum()), "slope_se_sum": float(se.sum())}


def statsmodels_trend(values):
    import statsmodels.api as sm
    y = np.log(values)
    n, t_count = y.shape
    x = sm.add_constant(np.arange(t_count, dtype=np.float64))
    slope_sum = se_sum = 0.0
    for i in range(n):
        fit = sm.OLS(y[i], x).fit()
        slope_sum += fit.params[1]
        se_sum += fit.bse[1]
        _ = fit.pvalues
    return n, {"slope_sum": slope_sum, "slope_se_sum": se_sum}


TASKS = {"numpy-trend": numpy_trend, "statsmodels-trend": statsmodels_trend}

if __name__ == "__main__":
    args = arguments(sys.argv[1:])
    values = load(args.input)
    measure(args.task.split("-")[0], args.task, args.size, lambda: TASKS[args.task](values),
            args.warmup, args.runs, args.input + ".f64")
