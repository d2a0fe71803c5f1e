"""statsmodels peer of the structural-model rows: UnobservedComponents(level="lltrend", seasonal=12,
use_exact_diffuse=True).fit(disp=False) on log y of each panel series with seeded synthetic gaps.

    structural_peers.py statsmodels-structural --input PANEL_PREFIX [--size L] [--warmup N] [--runs N]

The gaps (about 25% of months; the same rule as the Swift task, `StructuralTask.swift`): month t of
series k is missing when the t-th draw of SplitMix64 seeded with 20261129 + k, as a uniform
((x >> 11) + 0.5) / 2^53, is below 0.25. Checksum: series, months missing, Σ llf and each series' llf
(`llf_<k>`). One fit per series with statsmodels' defaults (its start parameters, L-BFGS), as a user calls it.
"""
import json
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import arguments, measure  # noqa: E402

MASK = (1 << 64) - 1


def gap_mask(series_index, months):
    state = (20261129 + series_index) & MASK
    missing = np.zeros(months, dtype=bool)
    for t in range(months):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        missing[t] = ((z >> 11) + 0.5) * 2.0 ** -53 < 0.25
    return missing


def load(prefix):
    meta = json.load(open(prefix + ".json"))
    series, months = meta["series"], meta["months"]
    limit = int(os.environ.get("BENCH_SERIES_LIMIT", "0") or 0)
    if limit > 0:
        series = min(series, limit)
    values = np.fromfile(prefix + ".f64", dtype="<f8", count=series * months).reshape(series, months)
    logs = np.log(values)
    for k in range(series):
        logs[k, gap_mask(k, months)] = np.nan
    return logs


def main():
    args = arguments(sys.argv[1:])
    warnings.simplefilter("ignore")
    from statsmodels.tsa.statespace.structural import UnobservedComponents
    logs = load(args.input)

    def body():
        total = 0.0
        checksum = {}
        for k, y in enumerate(logs):
            res = UnobservedComponents(y, level="lltrend", seasonal=12, use_exact_diffuse=True).fit(disp=False)
            total += res.llf
            checksum[f"llf_{k}"] = float(res.llf)
        checksum.update({"series": len(logs), "missing": int(np.isnan(logs).sum()), "llf_sum": total})
        return len(logs), checksum

    measure("statsmodels", args.task, args.size, body, args.warmup, args.runs, None)


if __name__ == "__main__":
    main()
