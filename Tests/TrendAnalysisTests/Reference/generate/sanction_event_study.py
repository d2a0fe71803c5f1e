"""Reference difference-in-differences and event-study estimates for TrendAnalysisTests (Sanctions).

A SEEDED SYNTHETIC panel (not data): 12 codes x 10 years (2010-2019), codes S01-S05 "sanctioned"
from 2017, N01-N07 not. log value = code effect + year effect + treatment effect + AR(1) noise
within each code. One code-year (N07, 2012) has value 0 to exercise the exclusion of
non-positive values from a log outcome.
Models (statsmodels OLS, QR), outcome ln(value), rows with value <= 0 dropped:
  did:   y ~ C(code) + C(year) + treated:post                      (post = year >= 2017)
  event: y ~ C(code) + C(year) + sum_{k != 2016} treated:1{year = k}
Covariance: cluster-robust by code, statsmodels cov_type="cluster" (CR1: G/(G-1) (N-1)/(N-K)),
normal p-values (use_t=False); and classical (nonrobust) for the same models.
Outputs: ../sanction_panel.csv and ../sanction_event_study.csv.
Run from this directory: python sanction_event_study.py
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm

rng = np.random.default_rng(20261129)
codes = [f"S{k:02d}" for k in range(1, 6)] + [f"N{k:02d}" for k in range(1, 8)]
years = list(range(2010, 2020))
effects = {2017: -0.8, 2018: -1.5, 2019: -1.7}
rows = []
for code in codes:
    alpha = rng.normal(18.0, 1.0)
    e = 0.0
    for year in years:
        e = 0.5 * e + rng.normal(0.0, 0.15)
        lam = 0.03 * (year - 2010) + (0.1 if year == 2015 else 0.0)
        treated = code.startswith("S")
        y = alpha + lam + (effects.get(year, 0.0) if treated else 0.0) + e
        value = float(np.exp(y))
        if code == "N07" and year == 2012:
            value = 0.0
        rows.append((year, code, value))
panel = pd.DataFrame(rows, columns=["period", "code", "value"])
with open("../sanction_panel.csv", "w") as f:
    f.write("period,code,value\n")
    for year, code, value in rows:
        f.write(f"{year},{code},{value!r}\n")

data = panel[panel.value > 0].copy()
data["y"] = np.log(data.value)
data["treated"] = data.code.str.startswith("S").astype(float)
data["post"] = (data.period >= 2017).astype(float)
groups = pd.Categorical(data.code).codes


def design(kind):
    X = pd.get_dummies(data[["code"]].astype(str), drop_first=True, dtype=float)
    X = X.join(pd.get_dummies(data.period.astype(str), prefix="year", drop_first=True, dtype=float))
    if kind == "did":
        X["did"] = data.treated * data.post
    else:
        for k in years:
            if k != 2016:
                X[f"event_{k}"] = data.treated * (data.period == k).astype(float)
    return sm.add_constant(X)


out = []
for kind in ["did", "event"]:
    X = design(kind)
    terms = ["did"] if kind == "did" else [f"event_{k}" for k in years if k != 2016]
    for cov in ["cluster", "classical"]:
        if cov == "cluster":
            fit = sm.OLS(data.y, X).fit(method="qr", cov_type="cluster", cov_kwds={"groups": groups}, use_t=False)
        else:
            fit = sm.OLS(data.y, X).fit(method="qr")
        for term in terms:
            out.append((kind, cov, term, fit.params[term], fit.bse[term], fit.pvalues[term], int(fit.nobs)))

with open("../sanction_event_study.csv", "w") as f:
    f.write("model,covariance,term,estimate,std_error,p_value,n\n")
    for kind, cov, term, est, se, p, n in out:
        f.write(f"{kind},{cov},{term},{float(est)!r},{float(se)!r},{float(p)!r},{n}\n")
