"""PELT reference change points: ruptures Pelt (jump=1) and an independent exact
optimal-partitioning dynamic programme (numpy, O(n^2)), on Nile and on a seeded
synthetic series.  Run from this directory after nile.R:  python pelt_ruptures.py
Writes ../pelt_synthetic.csv (the synthetic series) and ../pelt_changepoints.csv.
Change points are 0-based first indices of new segments (ruptures breakpoints without n).
"""
import math
import numpy as np
import ruptures as rpt
from ruptures.base import BaseCost

nile = np.loadtxt("../nile.csv", delimiter=",", skiprows=1)[:, 1]

rng = np.random.default_rng(20261129)
# 240 months: mean 0, 3, 1, 1 (variance 1, 1, 1, 9), changes at 60, 120, 180.
synthetic = np.concatenate([rng.normal(0, 1, 60), rng.normal(3, 1, 60), rng.normal(1, 1, 60), rng.normal(1, 3, 60)])
with open("../pelt_synthetic.csv", "w") as f:
    f.write("index,value\n")
    for i, v in enumerate(synthetic):
        f.write(f"{i},{float(v)!r}\n")


class CostMeanVar(BaseCost):
    """n * log(biased variance): ruptures CostNormal without the 1e-6 diagonal."""
    model = "meanvar"
    min_size = 2

    def fit(self, signal):
        self.signal = np.asarray(signal, dtype=float).reshape(-1)
        return self

    def error(self, start, end):
        return (end - start) * math.log(self.signal[start:end].var())


def seg_cost(y, a, b, cost):
    s = y[a:b]
    if cost == "mean":
        return float(((s - s.mean()) ** 2).sum())
    return (b - a) * math.log(s.var())


def optimal_partitioning(y, cost, pen, m):
    n = len(y)
    F = [math.inf] * (n + 1)
    last = [0] * (n + 1)
    F[0] = -pen
    for t in range(m, n + 1):
        for tau in [0] + list(range(m, t - m + 1)):
            v = F[tau] + seg_cost(y, tau, t, cost) + pen
            if v < F[t]:
                F[t], last[t] = v, tau
    cps, t = [], n
    while t > 0:
        if last[t] > 0:
            cps.append(last[t])
        t = last[t]
    return sorted(cps)


cases = []
for pen in (2e4, 5e4, 1e5):
    cases.append(("nile", "mean", pen, 2))
    cases.append(("nile", "mean", pen, 5))
# Nile repeats values, so a 2-point segment can have variance 0 (cost -inf): meanvar from 5 points.
cases.append(("nile", "meanvar", 2 * math.log(100), 5))
cases.append(("nile", "meanvar", 2 * math.log(100), 10))
for m in (2, 5, 10):
    cases.append(("synthetic", "mean", math.log(240), m))
    cases.append(("synthetic", "meanvar", 2 * math.log(240), m))
cases.append(("synthetic", "meanvar", 4.0, 2))

with open("../pelt_changepoints.csv", "w") as f:
    f.write(f"# ruptures {rpt.__version__}, numpy {np.__version__}; script generate/pelt_ruptures.py\n")
    f.write("series,cost,penalty,min_size,ruptures,optimal\n")
    for series, cost, pen, m in cases:
        y = nile if series == "nile" else synthetic
        algo = rpt.Pelt(model="l2", min_size=m, jump=1) if cost == "mean" else rpt.Pelt(custom_cost=CostMeanVar(), min_size=m, jump=1)
        bkps = algo.fit(y).predict(pen=pen)[:-1]
        op = optimal_partitioning(y, cost, pen, m)
        f.write(f"{series},{cost},{pen!r},{m},{';'.join(map(str, bkps))},{';'.join(map(str, op))}\n")
        print(series, cost, pen, m, bkps, op, "" if bkps == op else "DIFFER")
