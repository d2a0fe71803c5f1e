"""Reference values for the trend models (Tests/TrendAnalysisTests/Trend).

Run from this directory: python trend_reference.py  -> ../trend_reference.csv
Reads ../ets_series.csv (AirPassengers), ../nile.csv and ../ukdriverdeaths.csv (R datasets,
see PROVENANCE.md). Relative paths only.

Conventions (as in TrendSpecification): t = 0, 1, ... periods from the first observed
period; seasonal dummies month_2..month_12 (January the base).
"""
import csv
import math

import mpmath
import numpy as np
import pymannkendall as mk
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats

rows = []


def put(case, name, value):
    rows.append((case, name, repr(float(value))))


def read_series(path, column):
    with open(path) as f:
        lines = [l for l in f if not l.startswith("#")]
    reader = csv.DictReader(lines)
    return [float(r[column]) for r in reader]


with open("../ets_series.csv") as f:
    air = [float(r["value"]) for r in csv.DictReader(f) if r["series"] == "AirPassengers"]
nile = read_series("../nile.csv", "flow")
ukdd = read_series("../ukdriverdeaths.csv", "deaths")


def ols_case(case, y, X, names, hac=None):
    res = sm.OLS(y, X).fit()
    ci = res.conf_int(0.05)
    for j, name in enumerate(names):
        put(case, f"coef:{name}", res.params[j])
        put(case, f"se:{name}", res.bse[j])
        put(case, f"t:{name}", res.tvalues[j])
        put(case, f"p:{name}", res.pvalues[j])
        put(case, f"ci_low:{name}", ci[j, 0])
        put(case, f"ci_high:{name}", ci[j, 1])
    for key, value in [("n", res.nobs), ("df_resid", res.df_resid), ("df_model", res.df_model),
                       ("sigma", math.sqrt(res.scale)), ("ssr", res.ssr), ("r_squared", res.rsquared),
                       ("adj_r_squared", res.rsquared_adj), ("f_statistic", res.fvalue),
                       ("f_p_value", res.f_pvalue), ("log_likelihood", res.llf), ("aic", res.aic),
                       ("bic", res.bic),
                       ("durbin_watson", statsmodels.stats.stattools.durbin_watson(res.resid))]:
        put(case, key, value)
    if hac is not None:
        rh = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": hac, "use_correction": False})
        for j, name in enumerate(names):
            put(case, f"hac_se:{name}", rh.bse[j])
            put(case, f"hac_p:{name}", rh.pvalues[j])
    return res


# 1. AirPassengers, log-linear with month dummies and HAC(12).
y = np.log(np.array(air))
n = len(y)
t = np.arange(n, dtype=float)
month = np.arange(n) % 12 + 1  # starts 1949-01
dummies = np.column_stack([(month == k).astype(float) for k in range(2, 13)])
X = np.column_stack([np.ones(n), t, dummies])
names = ["const", "t"] + [f"month_{k}" for k in range(2, 13)]
res = ols_case("air_loglinear_seasonal", y, X, names, hac=12)
# Growth rates (hand formulas of GrowthRates; t quantile and classical SE, HAC SE with the normal).
b = res.params[1]
q = stats.t.isf(0.025, res.df_resid)
rh = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 12, "use_correction": False})
qn = stats.norm.isf(0.025)
se_h = rh.bse[1]
put("air_loglinear_seasonal", "growth", math.expm1(b))
put("air_loglinear_seasonal", "growth_low", math.expm1(b - qn * se_h))
put("air_loglinear_seasonal", "growth_high", math.expm1(b + qn * se_h))
put("air_loglinear_seasonal", "annual_growth", math.expm1(12 * b))
put("air_loglinear_seasonal", "annual_growth_low", math.expm1(12 * (b - qn * se_h)))
put("air_loglinear_seasonal", "annual_growth_high", math.expm1(12 * (b + qn * se_h)))
years = (n - 1) / 12
change = y[-1] - y[0]
half = q * math.sqrt(res.scale) * math.sqrt(2)
put("air_loglinear_seasonal", "cagr", math.expm1(change / years))
put("air_loglinear_seasonal", "cagr_low", math.expm1((change - half) / years))
put("air_loglinear_seasonal", "cagr_high", math.expm1((change + half) / years))

# 2. AirPassengers, log-linear without seasonal terms (the closed-form path); and linear.
X2 = np.column_stack([np.ones(n), t])
ols_case("air_loglinear", y, X2, ["const", "t"])
ols_case("air_linear", np.array(air), X2, ["const", "t"])

# 3. Nile: linear with HAC(4).
yn = np.array(nile)
tn = np.arange(len(yn), dtype=float)
ols_case("nile_linear_hac4", yn, np.column_stack([np.ones(len(yn)), tn]), ["const", "t"], hac=4)

# 4. Nile: cubic trend on raw powers of t, solved at 60 digits with mpmath (an exact
#    reference independent of any QR): normal equations in 60-digit arithmetic.
mpmath.mp.dps = 60
Xm = mpmath.matrix([[mpmath.mpf(1), mpmath.mpf(k), mpmath.mpf(k) ** 2, mpmath.mpf(k) ** 3] for k in range(len(yn))])
ym = mpmath.matrix([mpmath.mpf(v) for v in nile])
XtX = Xm.T * Xm
inv = XtX ** -1
beta = inv * (Xm.T * ym)
resid = ym - Xm * beta
rss = sum(r ** 2 for r in resid)
dfr = len(yn) - 4
s2 = rss / dfr
ybar = sum(ym) / len(yn)
tss = sum((v - ybar) ** 2 for v in ym)
for j, name in enumerate(["const", "t", "t^2", "t^3"]):
    put("nile_poly3", f"coef:{name}", beta[j])
    put("nile_poly3", f"se:{name}", mpmath.sqrt(s2 * inv[j, j]))
put("nile_poly3", "ssr", rss)
put("nile_poly3", "r_squared", 1 - rss / tss)
put("nile_poly3", "f_statistic", ((tss - rss) / 3) / s2)
put("nile_poly3", "sigma", mpmath.sqrt(s2))

# 5. Mann-Kendall, Hamed-Rao and Theil-Sen on Nile and UKDriverDeaths.
for label, series in [("nile", nile), ("ukdd", ukdd)]:
    for kind, fn in [("mk", mk.original_test), ("hr", mk.hamed_rao_modification_test)]:
        r = fn(np.array(series))
        case = f"{label}_{kind}"
        for key in ["s", "var_s", "z", "p", "Tau", "slope", "intercept"]:
            put(case, key.lower(), getattr(r, key))
        # pymannkendall's p is 2*(1 - norm.cdf(|z|)), which cancels for small p (absolute
        # error ~1e-16); the same p from the survival function keeps full relative precision.
        put(case, "p_sf", 2 * stats.norm.sf(abs(r.z)))
        put(case, "increasing", 1 if r.trend == "increasing" else (-1 if r.trend == "decreasing" else 0))
    ts = stats.theilslopes(np.array(series), np.arange(len(series), dtype=float), alpha=0.95)
    put(f"{label}_theilsen", "slope", ts.slope)
    put(f"{label}_theilsen", "intercept", ts.intercept)
    put(f"{label}_theilsen", "low_slope", ts.low_slope)
    put(f"{label}_theilsen", "high_slope", ts.high_slope)

# 6. Nile with gaps: every 7th year (index 3, 10, 17, ...) set missing. pymannkendall drops
#    NaN for S and takes Sen's slope over the true positions; scipy on the observed (t, y).
gappy = np.array(nile, dtype=float)
gappy[3::7] = np.nan
r = mk.original_test(gappy)
for key in ["s", "var_s", "z", "p", "Tau", "slope", "intercept"]:
    put("nile_gaps_mk", key.lower(), getattr(r, key))
put("nile_gaps_mk", "p_sf", 2 * stats.norm.sf(abs(r.z)))
keep = ~np.isnan(gappy)
ts = stats.theilslopes(gappy[keep], np.arange(len(gappy), dtype=float)[keep], alpha=0.95)
put("nile_gaps_theilsen", "slope", ts.slope)
put("nile_gaps_theilsen", "intercept", ts.intercept)
put("nile_gaps_theilsen", "low_slope", ts.low_slope)
put("nile_gaps_theilsen", "high_slope", ts.high_slope)
Xg = np.column_stack([np.ones(keep.sum()), np.arange(len(gappy), dtype=float)[keep]])
ols_case("nile_gaps_linear", gappy[keep], Xg, ["const", "t"])

# 7. Column regressions (ColumnRegressionSpecification): WLS of Nile flow on t with the weights
#    w = 1 + (t mod 3) (a deterministic pattern, not data), and OLS through the origin.
w = 1 + (np.arange(len(yn)) % 3)
rw = sm.WLS(yn, np.column_stack([np.ones(len(yn)), tn]), weights=w).fit()
ci = rw.conf_int(0.05)
for j, name in enumerate(["const", "t"]):
    put("nile_wls", f"coef:{name}", rw.params[j])
    put("nile_wls", f"se:{name}", rw.bse[j])
    put("nile_wls", f"p:{name}", rw.pvalues[j])
    put("nile_wls", f"ci_low:{name}", ci[j, 0])
for key, value in [("r_squared", rw.rsquared), ("f_statistic", rw.fvalue), ("log_likelihood", rw.llf), ("aic", rw.aic),
                   ("sigma", math.sqrt(rw.scale))]:
    put("nile_wls", key, value)
r0 = sm.OLS(yn, tn[:, None]).fit()
put("nile_noint", "coef:t", r0.params[0])
put("nile_noint", "se:t", r0.bse[0])
put("nile_noint", "r_squared", r0.rsquared)
put("nile_noint", "f_statistic", r0.fvalue)
put("nile_noint", "df_model", r0.df_model)

with open("../trend_reference.csv", "w", newline="") as f:
    f.write(f"# statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, numpy {np.__version__}, "
            f"pymannkendall {mk.__version__}, mpmath {mpmath.__version__}; script generate/trend_reference.py\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "name", "value"])
    w.writerows(rows)
print(len(rows), "rows")
