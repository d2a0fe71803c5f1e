"""Regression-inference reference values from statsmodels OLS/WLS.

Writes, relative to this script:
  ../longley.csv         statsmodels.datasets.longley (NIST Longley 1967 data), 16 rows
  ../macrodata.csv       statsmodels.datasets.macrodata columns realinv, realgdp, realint, 203 rows
  ../ols_inference.csv   case,quantity,index,value  (17 significant digits)

Cases (the Swift test builds the same designs):
  longley_ols          TOTEMP ~ const + GNPDEFL + GNP + UNEMP + ARMED + POP + YEAR, OLS
  longley_noint        TOTEMP ~ GNPDEFL + GNP + UNEMP + ARMED + POP + YEAR (no constant), OLS
  longley_wls          as longley_ols, WLS with weights 1/GNP
  longley_hac          as longley_ols, fit(cov_type="HAC", cov_kwds={"maxlags": 2})
                       (2 = floor(4 (16/100)^(2/9)), the default lag rule)
  macro_ols            realinv ~ const + realgdp + realint, OLS
  macro_hac            as macro_ols, fit(cov_type="HAC", cov_kwds={"maxlags": 4})
  macro_hac_corrected  as macro_ols, fit(cov_type="HAC", cov_kwds={"maxlags": 4, "use_correction": True})
For the HAC cases the script also recomputes the Newey-West standard errors and
the Wald F of the non-constant coefficients with mpmath at 60 significant digits
(normal equations solved exactly enough at that precision), as quantities
bse_exact and fvalue_exact: statsmodels forms the sandwich from its pinv-based
(X'X)^-1 in double precision and inverts the robust covariance for F, which on
Longley (condition number ~5e9) leaves errors of ~2e-9 in bse and ~4e-7 in F.
Quantities: params, bse, tvalues, pvalues, conf_lower/conf_upper (alpha 0.05) and
conf90_lower/conf90_upper (alpha 0.10), rsquared, rsquared_adj, fvalue, f_pvalue,
llf, aic, bic, durbin_watson (of wresid), ssr, df_model, df_resid.

Run:  python3 ols_inference.py
"""
import pathlib

import mpmath as mp
import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.stattools import durbin_watson

HERE = pathlib.Path(__file__).resolve().parent.parent

longley = sm.datasets.longley.load_pandas().data
longley.to_csv(HERE / "longley.csv", index=False, float_format="%.17g")
macro = sm.datasets.macrodata.load_pandas().data[["realinv", "realgdp", "realint"]]
macro.to_csv(HERE / "macrodata.csv", index=False, float_format="%.17g")

LX = ["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]
ly, lX = longley["TOTEMP"], longley[LX]
my, mX = macro["realinv"], macro[["realgdp", "realint"]]

cases = {
    "longley_ols": sm.OLS(ly, sm.add_constant(lX)).fit(),
    "longley_noint": sm.OLS(ly, lX).fit(),
    "longley_wls": sm.WLS(ly, sm.add_constant(lX), weights=1 / longley["GNP"]).fit(),
    "longley_hac": sm.OLS(ly, sm.add_constant(lX)).fit(cov_type="HAC", cov_kwds={"maxlags": 2}),
    "macro_ols": sm.OLS(my, sm.add_constant(mX)).fit(),
    "macro_hac": sm.OLS(my, sm.add_constant(mX)).fit(cov_type="HAC", cov_kwds={"maxlags": 4}),
    "macro_hac_corrected": sm.OLS(my, sm.add_constant(mX)).fit(
        cov_type="HAC", cov_kwds={"maxlags": 4, "use_correction": True}),
}



def exact_hac(y, X, lags, correction):
    """Newey-West (Bartlett) bse and Wald F (constant in column 0 excluded) at 60 digits."""
    mp.mp.dps = 60
    Xm = mp.matrix([[mp.mpf(float(v)) for v in row] for row in np.asarray(X)])
    ym = mp.matrix([mp.mpf(float(v)) for v in np.asarray(y)])
    n, p = Xm.rows, Xm.cols
    H = mp.inverse(Xm.T * Xm)
    b = H * (Xm.T * ym)
    e = ym - Xm * b
    S = mp.matrix(p, p)
    for lag in range(lags + 1):
        w = 1 - mp.mpf(lag) / (lags + 1)
        for a in range(p):
            for c in range(p):
                s = mp.fsum(Xm[i, a] * e[i] * Xm[i - lag, c] * e[i - lag] for i in range(lag, n))
                S[a, c] += w * s
                if lag > 0:
                    S[c, a] += w * s
    V = H * S * H
    if correction:
        V = V * mp.mpf(n) / (n - p)
    idx = list(range(1, p))
    Vs = mp.matrix([[V[i, j] for j in idx] for i in idx])
    bs = mp.matrix([b[i] for i in idx])
    F = (bs.T * mp.inverse(Vs) * bs)[0] / len(idx)
    return [float(mp.sqrt(V[j, j])) for j in range(p)], float(F)


EXACT = {
    "longley_hac": exact_hac(ly, sm.add_constant(lX), 2, False),
    "macro_hac": exact_hac(my, sm.add_constant(mX), 4, False),
    "macro_hac_corrected": exact_hac(my, sm.add_constant(mX), 4, True),
}

rows = []
for name, (bse, fvalue) in EXACT.items():
    for i, v in enumerate(bse):
        rows.append((name, "bse_exact", i, v))
    rows.append((name, "fvalue_exact", 0, fvalue))
for name, res in cases.items():
    ci95, ci90 = np.asarray(res.conf_int(0.05)), np.asarray(res.conf_int(0.10))
    vectors = {
        "params": res.params, "bse": res.bse, "tvalues": res.tvalues, "pvalues": res.pvalues,
        "conf_lower": ci95[:, 0], "conf_upper": ci95[:, 1],
        "conf90_lower": ci90[:, 0], "conf90_upper": ci90[:, 1],
    }
    for quantity, values in vectors.items():
        for i, v in enumerate(np.asarray(values, dtype=float)):
            rows.append((name, quantity, i, v))
    scalars = {
        "rsquared": res.rsquared, "rsquared_adj": res.rsquared_adj, "fvalue": res.fvalue,
        "f_pvalue": res.f_pvalue, "llf": res.llf, "aic": res.aic, "bic": res.bic,
        "durbin_watson": durbin_watson(res.wresid), "ssr": res.ssr,
        "df_model": res.df_model, "df_resid": res.df_resid,
    }
    for quantity, v in scalars.items():
        rows.append((name, quantity, 0, float(np.squeeze(v))))

with (HERE / "ols_inference.csv").open("w") as f:
    f.write(f"# statsmodels {statsmodels.__version__}, mpmath {mp.__version__}, numpy {np.__version__}, pandas {pd.__version__}; "
            "generated by generate/ols_inference.py\n")
    f.write("case,quantity,index,value\n")
    for name, quantity, i, v in rows:
        f.write(f"{name},{quantity},{i},{v:.17g}\n")
print(f"statsmodels {statsmodels.__version__}, mpmath {mp.__version__}: {len(rows)} values")
for name, (bse, fvalue) in EXACT.items():
    res = cases[name]
    print(name, "max rel diff statsmodels vs exact: bse",
          max(abs(a - b) / abs(b) for a, b in zip(res.bse, bse)), "F", abs(res.fvalue - fvalue) / fvalue)
