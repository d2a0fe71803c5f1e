"""Reference unit-value indices for TrendAnalysisTests (IndexNumbers).

Independent implementation with pandas: each comparison merges the two periods on
the code and keeps codes with a positive value and quantity in both, in the same unit.
Input: ../unit_value_basket.csv (a SYNTHETIC basket: figures loosely shaped like DPRK
coal, ores and seafood exports, not data). Output: ../unit_value_index.csv.
Run from this directory: python unit_value_index.py
"""
import math
import numpy as np
import pandas as pd

basket = pd.read_csv("../unit_value_basket.csv", dtype={"code": str, "period": str})
periods = sorted(basket["period"].unique())


def link(s, t):
    a = basket[basket.period == s].set_index("code")
    b = basket[basket.period == t].set_index("code")
    m = a.add_suffix("_s").join(b.add_suffix("_t"), how="inner")
    m = m[(m.value_s > 0) & (m.value_t > 0) & (m.quantity_s > 0) & (m.quantity_t > 0) & (m.unit_s == m.unit_t)]
    ps, pt = m.value_s / m.quantity_s, m.value_t / m.quantity_t
    qs, qt = m.quantity_s, m.quantity_t
    lp = float((pt * qs).sum() / (ps * qs).sum())
    pp = float((pt * qt).sum() / (ps * qt).sum())
    lq = float((ps * qt).sum() / (ps * qs).sum())
    pq = float((pt * qt).sum() / (pt * qs).sum())
    ws, wt = m.value_s / m.value_s.sum(), m.value_t / m.value_t.sum()
    tp = math.exp(float((0.5 * (ws + wt) * np.log(pt / ps)).sum()))
    tq = math.exp(float((0.5 * (ws + wt) * np.log(qt / qs)).sum()))
    vr = float(m.value_t.sum() / m.value_s.sum())
    return {
        "laspeyres": (lp, lq), "paasche": (pp, pq), "fisher": (math.sqrt(lp * pp), math.sqrt(lq * pq)),
        "tornqvist": (tp, tq), "value": vr, "codes": len(m),
    }


rows = []
for formula in ["laspeyres", "paasche", "fisher", "tornqvist"]:
    base = periods[0]
    for t in periods:
        if t == base:
            p, q, v = 1.0, 1.0, 1.0
        else:
            r = link(base, t)
            (p, q), v = r[formula], r["value"]
        rows.append((formula, "fixed-base", t, p, q, v))
    p = q = v = 1.0
    rows.append((formula, "chained", periods[0], p, q, v))
    for s, t in zip(periods, periods[1:]):
        r = link(s, t)
        p *= r[formula][0]
        q *= r[formula][1]
        v *= r["value"]
        rows.append((formula, "chained", t, p, q, v))

with open("../unit_value_index.csv", "w") as f:
    f.write("formula,chaining,period,price_index,quantity_index,value_ratio\n")
    for formula, chaining, period, p, q, v in rows:
        f.write(f"{formula},{chaining},{period},{p!r},{q!r},{v!r}\n")
