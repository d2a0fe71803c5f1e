"""STL reference values: statsmodels STL on the co2 data set shipped with statsmodels.

Run from this directory:  python stl_co2.py   (writes ../stl_co2.csv)
Data: statsmodels.datasets.co2 (Mauna Loa weekly CO2, Keeling), resampled to
monthly means with gaps forward-filled, as in the statsmodels STL example.
"""
import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.tsa.seasonal import STL

co2 = sm.datasets.co2.load().data
co2 = co2.resample("MS").mean().ffill()["co2"]

cases = {
    "default": dict(seasonal=7, robust=False),
    "robust": dict(seasonal=7, robust=True),
    "seasonal13_robust": dict(seasonal=13, robust=True),
    "jumps": dict(seasonal=7, robust=False, seasonal_jump=2, trend_jump=3, low_pass_jump=4),
}
rows = []
for name, kw in cases.items():
    res = STL(co2, period=12, **kw).fit()
    for i, (t, y) in enumerate(co2.items()):
        rows.append((name, t.strftime("%Y-%m"), y, res.trend.iloc[i], res.seasonal.iloc[i], res.resid.iloc[i], res.weights.iloc[i]))

with open("../stl_co2.csv", "w") as f:
    f.write(f"# statsmodels {statsmodels.__version__}, numpy {np.__version__}, pandas {pd.__version__}; script generate/stl_co2.py\n")
    f.write("case,period,observed,trend,seasonal,remainder,weight\n")
    for r in rows:
        f.write(",".join([r[0], r[1]] + [repr(float(v)) for v in r[2:]]) + "\n")
print(len(rows), "rows")
