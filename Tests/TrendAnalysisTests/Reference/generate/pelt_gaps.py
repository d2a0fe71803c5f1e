"""PELT references on the observed months of gappy monthly series: ruptures Pelt (jump=1) and an
independent exact optimal-partitioning programme, on the observed values in calendar order (a
missing month is left out, not filled).  Run from this directory after breaks_gaps.R:
    python pelt_gaps.py
Reads ../breaks_gaps_series.csv (synthetic, seeded in breaks_gaps.R) and ../breaks_gaps_coal.csv
(the bundled monthly HS 2701 values).  Writes ../breaks_gaps_pelt.csv: change points as 0-based
indices among the observed values (first index of the new segment) and as the periods of those
observations.  The mean cost is l2 with the penalty in l2 units; `penalty_per_variance` is the same
penalty divided by the noise variance tradescope estimates by default (MAD of the differences of
consecutive observations, squared, over 2), so the default `--penalty bic` run is the row with
penalty_per_variance = log(n).
"""
import csv
import math
import numpy as np
import ruptures as rpt
from ruptures.base import BaseCost


def read(path):
    with open(path) as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))]
    return [(p, float(v)) for p, v in rows[1:] if v != "NA"]


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


def difference_variance(y):
    d = np.diff(y)
    mad = np.median(np.abs(d - np.median(d)))
    return (1.482602218505602 * mad) ** 2 / 2


series = {"synthetic": read("../breaks_gaps_series.csv"), "coal": read("../breaks_gaps_coal.csv")}
with open("../breaks_gaps_pelt.csv", "w") as f:
    f.write(f"# ruptures {rpt.__version__}, numpy {np.__version__}; script generate/pelt_gaps.py\n")
    f.write("series,cost,penalty,penalty_per_variance,min_size,ruptures,optimal,periods\n")
    for name, rows in series.items():
        periods = [p for p, _ in rows]
        y = np.array([v for _, v in rows])
        n = len(y)
        s2 = difference_variance(y)
        cases = [("mean", math.log(n) * s2, math.log(n), m) for m in (2, 5)]
        if name == "synthetic":   # coal has runs of zero months: a zero variance, cost -inf
            cases += [("meanvar", 2 * math.log(n), math.nan, m) for m in (3, 5)]
        for cost, pen, per_variance, m in cases:
            algo = rpt.Pelt(model="l2", min_size=m, jump=1) if cost == "mean" else rpt.Pelt(custom_cost=CostMeanVar(), min_size=m, jump=1)
            bkps = algo.fit(y).predict(pen=pen)[:-1]
            op = optimal_partitioning(y, cost, pen, m)
            f.write(f"{name},{cost},{float(pen)!r},{float(per_variance)!r},{m},{';'.join(map(str, bkps))},{';'.join(map(str, op))},"
                    f"{';'.join(periods[i] for i in op)}\n")
            print(name, cost, pen, m, bkps, op, "" if bkps == op else "DIFFER")
