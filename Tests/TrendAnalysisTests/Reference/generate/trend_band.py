"""Confidence bands of fitted trends (TrendFit.confidenceBand, Tests/TrendAnalysisTests/Trend).

Run from this directory: python trend_band.py  -> ../trend_band.csv
Reads ../ets_series.csv (AirPassengers) and ../nile.csv (R datasets, see PROVENANCE.md).
Relative paths only.

statsmodels OLS(...).fit(...).get_prediction(X).summary_frame(alpha=0.05): mean, mean_ci_lower,
mean_ci_upper, one row per observation used. Conventions as TrendSpecification: t = 0, 1, ...
from the first observed period; month dummies month_2..month_12. The log-linear case is
fitted on ln y and the band reported on that scale (the test applies exp).
"""
import csv

import numpy as np
import statsmodels
import statsmodels.api as sm

rows = []


def band(case, y, X, hac=None):
    fit = sm.OLS(y, X).fit() if hac is None else sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": hac, "use_correction": False})
    frame = fit.get_prediction(X).summary_frame(alpha=0.05)
    for k in range(len(y)):
        rows.append((case, k, repr(float(frame["mean"].iloc[k])), repr(float(frame["mean_ci_lower"].iloc[k])),
                     repr(float(frame["mean_ci_upper"].iloc[k]))))


with open("../ets_series.csv") as f:
    air = [float(r["value"]) for r in csv.DictReader(f) if r["series"] == "AirPassengers"]
with open("../nile.csv") as f:
    nile = [float(r["flow"]) for r in csv.DictReader(l for l in f if not l.startswith("#"))]

# 1. Nile, y ~ t, classical covariance.
yn = np.array(nile)
tn = np.arange(len(yn), dtype=float)
band("nile_linear", yn, np.column_stack([np.ones(len(yn)), tn]))

# 2. AirPassengers, ln y ~ t + month dummies, HAC(12) (the band uses the HAC covariance).
y = np.log(np.array(air))
n = len(y)
t = np.arange(n, dtype=float)
month = np.arange(n) % 12 + 1
X = np.column_stack([np.ones(n), t] + [(month == k).astype(float) for k in range(2, 13)])
band("air_loglinear_seasonal_hac12", y, X, hac=12)

# 3. Nile with every 7th year from index 3 missing, y ~ t on the observed rows (t the true position).
gappy = np.array(nile, dtype=float)
gappy[3::7] = np.nan
keep = ~np.isnan(gappy)
band("nile_gaps_linear", gappy[keep], np.column_stack([np.ones(keep.sum()), np.arange(len(gappy), dtype=float)[keep]]))

with open("../trend_band.csv", "w", newline="") as f:
    f.write(f"# statsmodels {statsmodels.__version__}, numpy {np.__version__}; script generate/trend_band.py\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "row", "mean", "lower", "upper"])
    w.writerows(rows)
