"""Reference values for the structural time-series model from statsmodels `UnobservedComponents`.

Run from Reference/generate/ in a venv with the pinned packages
(python3 -m venv venv && venv/bin/pip install statsmodels==0.15.0 numpy==2.4.6 pandas==3.1.1 scipy==1.17.1):

    python structural.py      (reads ../nile.csv and ../ets_series.csv, writes ../structural.csv)

Cases (all with `use_exact_diffuse=True`, the exact diffuse initialisation of Durbin and Koopman 2012, ch. 5):
- nile:            Nile annual flow 1871-1970, local level (`level="llevel"`).
- nile_gaps:       the same with observations 21-40 and 61-80 (1-based; 1891-1910 and 1931-1950) missing,
                   the gaps of Durbin and Koopman (2012), section 2.7, fig. 2.5.
- air:             log AirPassengers 1949-01..1960-12, local linear trend + dummy seasonal 12 (`level="lltrend",
                   seasonal=12`).
- air_gaps:        the same with 36 of the 144 months (25%) removed: synthetic gaps, the indices drawn by
                   numpy `default_rng(20261129).choice(144, 36, replace=False)`.
- airq_gaps:       ln of quarterly sums of AirPassengers 1949Q1..1960Q4 (48 quarters), local level + dummy
                   seasonal 4 (`level="llevel", seasonal=4`), with quarters 6, 7, 20 and 33 (0-based) removed
                   (synthetic gaps, fixed by hand).

For each case statsmodels' maximum likelihood is run from several starting points (its default start and
variance vectors spread over orders of magnitude) with L-BFGS and then Nelder-Mead polishing, and the fit
with the highest `llf` is kept. The remaining quantities come from `smooth(params)` at those estimates, so
the tests can fix our variances to them and compare the deterministic filter and smoother tightly.

Quantities (`case,quantity,index,value`; index 0-based over the periods, or over the forecast steps):
- params (sigma2.irregular, sigma2.level[, sigma2.trend, sigma2.seasonal]: `quantity` is the param name),
  llf, aic, bic, nobs, nobs_diffuse, nobs_missing;
- level, level_se, slope, slope_se, seasonal, seasonal_se: `smoothed_state` and the square root of the
  diagonal of `smoothed_state_cov` (state 0 level, 1 trend, 2 current seasonal);
- std_forecast_error: `standardized_forecasts_error` (only non-diffuse observed periods are written);
- irregular_aux, level_aux: auxiliary residuals, `smoothed_measurement_disturbance / sqrt(diag
  smoothed_measurement_disturbance_cov)` and the same for state disturbance 0 (the level), written where
  the variance is positive;
- forecast, lower95, upper95, lower80, upper80: `get_forecast(h).summary_frame(alpha)` (h = 10 for Nile,
  24 for AirPassengers).
"""
import warnings

import numpy as np
import pandas as pd
import scipy
import statsmodels
from statsmodels.tsa.statespace.structural import UnobservedComponents

warnings.simplefilter("ignore")

nile = pd.read_csv("../nile.csv")
series = pd.read_csv("../ets_series.csv")
nile_y = pd.Series(nile.flow.to_numpy(dtype=float), index=pd.period_range("1871", periods=len(nile), freq="Y"))
air_values = np.log(series[series.series == "AirPassengers"].value.to_numpy(dtype=float))
air_y = pd.Series(air_values, index=pd.period_range("1949-01", periods=len(air_values), freq="M"))

nile_gaps = nile_y.copy()
nile_gaps.iloc[20:40] = np.nan
nile_gaps.iloc[60:80] = np.nan
air_gaps = air_y.copy()
air_gap_index = np.sort(np.random.default_rng(20261129).choice(len(air_y), 36, replace=False))
air_gaps.iloc[air_gap_index] = np.nan

air_quarterly = pd.Series(np.log(np.exp(air_values).reshape(-1, 3).sum(axis=1)),
                          index=pd.period_range("1949Q1", periods=len(air_values) // 3, freq="Q"))
air_quarterly.iloc[[6, 7, 20, 33]] = np.nan

rows = []


def add(case, quantity, values):
    for index, value in enumerate(np.atleast_1d(np.asarray(values, dtype=float))):
        rows.append((case, quantity, index, repr(float(value))))


def best_fit(model):
    """The highest llf over several starts (default start and spread variance vectors)."""
    k = model.k_params
    scale = np.nanvar(np.diff(model.endog[:, 0][~np.isnan(model.endog[:, 0])]))
    starts = [model.start_params]
    for pattern in ([1.0] * k, [0.1] * k, [1.0] + [0.01] * (k - 1), [0.01] + [1.0] * (k - 1),
                    [0.5, 0.5] + [1e-3] * (k - 2), [1e-3, 1.0] + [1e-2] * (k - 2)):
        starts.append(np.array(pattern[:k]) * scale)
    best = None
    for start in starts:
        for method in ("lbfgs", "nm"):
            try:
                res = model.fit(start_params=start, method=method, disp=False, maxiter=20000)
                res = model.fit(start_params=res.params, method="lbfgs", disp=False, maxiter=20000)
            except Exception:
                continue
            if np.isfinite(res.llf) and (best is None or res.llf > best.llf):
                best = res
    return best


def run(case, y, level, seasonal, horizon):
    model = UnobservedComponents(y, level=level, seasonal=seasonal, use_exact_diffuse=True)
    res = best_fit(model)
    smoothed = model.smooth(res.params)
    for name, value in zip(model.param_names, res.params):
        add(case, name, value)
    add(case, "llf", smoothed.llf)
    add(case, "aic", smoothed.aic)
    add(case, "bic", smoothed.bic)
    add(case, "nobs", smoothed.nobs)
    add(case, "nobs_diffuse", smoothed.nobs_diffuse)
    add(case, "nobs_missing", int(np.isnan(y.to_numpy()).sum()))
    state = smoothed.smoothed_state
    cov = smoothed.smoothed_state_cov
    names = ["level"] + (["slope"] if level == "lltrend" else []) + (["seasonal"] if seasonal else [])
    for position, name in enumerate(names):
        add(case, name, state[position])
        add(case, name + "_se", np.sqrt(cov[position, position, :]))
    n = len(y)
    diffuse = smoothed.nobs_diffuse
    std_error = smoothed.filter_results.standardized_forecasts_error[0]
    observed = ~np.isnan(y.to_numpy())
    for t in range(diffuse, n):
        if observed[t]:
            rows.append((case, "std_forecast_error", t, repr(float(std_error[t]))))
    sr = smoothed.smoother_results
    irregular = sr.smoothed_measurement_disturbance[0]
    irregular_var = sr.smoothed_measurement_disturbance_cov[0, 0]
    level_dist = sr.smoothed_state_disturbance[0]
    level_var = sr.smoothed_state_disturbance_cov[0, 0]
    for t in range(n):
        if observed[t] and irregular_var[t] > 0:
            rows.append((case, "irregular_aux", t, repr(float(irregular[t] / np.sqrt(irregular_var[t])))))
        if level_var[t] > 0:
            rows.append((case, "level_aux", t, repr(float(level_dist[t] / np.sqrt(level_var[t])))))
    forecast = smoothed.get_forecast(horizon)
    add(case, "forecast", forecast.predicted_mean)
    for alpha, suffix in [(0.05, "95"), (0.20, "80")]:
        frame = forecast.summary_frame(alpha=alpha)
        add(case, "lower" + suffix, frame["mean_ci_lower"])
        add(case, "upper" + suffix, frame["mean_ci_upper"])
    print(case, dict(zip(model.param_names, res.params)), "llf", smoothed.llf)


run("nile", nile_y, "llevel", None, 10)
run("nile_gaps", nile_gaps, "llevel", None, 10)
run("air", air_y, "lltrend", 12, 24)
run("air_gaps", air_gaps, "lltrend", 12, 24)
run("airq_gaps", air_quarterly, "llevel", 4, 8)

with open("../structural.csv", "w") as f:
    f.write(f"# statsmodels {statsmodels.__version__}, numpy {np.__version__}, pandas {pd.__version__}, "
            f"scipy {scipy.__version__}; script generate/structural.py\n")
    f.write("case,quantity,index,value\n")
    for row in rows:
        f.write(",".join(str(x) for x in row) + "\n")
with open("../structural_gaps.csv", "w") as f:
    f.write("# the synthetic gaps of case air_gaps (0-based month indices from 1949-01); script generate/structural.py\n")
    f.write("index\n")
    for index in air_gap_index:
        f.write(f"{index}\n")
