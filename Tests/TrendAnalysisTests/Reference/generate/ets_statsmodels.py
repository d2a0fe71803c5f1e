"""Reference values for exponential smoothing from statsmodels (ETSModel and ExponentialSmoothing).

Run from Reference/generate/:  python ets_statsmodels.py   (reads ../ets_series.csv, writes ../ets_statsmodels.csv)
Then:                          Rscript ets_statsmodels_recursion.R   (the R cross-check of the Holt-Winters forecasts)

Each model is fitted by statsmodels with its defaults; the tests fix our model to the parameters and initial
states written here and compare the deterministic filter (fitted values, point forecasts) and, for the
analytic ETS case, the prediction intervals of `get_prediction(...).summary_frame`.

Parameter conventions as statsmodels writes them (the tests convert, nowhere else):
- ETSModel `smoothing_trend` is the error-correction beta of Hyndman et al. (2008), as in R `ets`;
  `initial_seasonal.0` is s_{-1} (the most recent state), `initial_seasonal.<m-1>` is s_{-m}.
- ExponentialSmoothing `smoothing_trend` is the smoothing-form beta* (beta = beta* x alpha);
  `initial_seasons[0]` is the state the first observation uses (oldest first).
"""
import warnings

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.simplefilter("ignore")  # convergence chatter of the optimisers; the estimates are recorded as they are

series = pd.read_csv("../ets_series.csv")


def monthly(name, start):
    values = series[series.series == name].value.to_numpy()
    return pd.Series(values, index=pd.date_range(start, periods=len(values), freq="MS"))


air = monthly("AirPassengers", "1949-01-01")
co2 = monthly("co2", "1959-01-01")
rows = []


def add(case, quantity, values):
    for index, value in enumerate(np.atleast_1d(np.asarray(values, dtype=float))):
        rows.append((case, quantity, index, repr(float(value))))


def ets_case(case, y, error, seasonal, analytic):
    res = ETSModel(y, error=error, trend="add", seasonal=seasonal, seasonal_periods=12).fit(disp=False)
    params = dict(zip(res.param_names, res.params))
    add(case, "alpha", params["smoothing_level"])
    add(case, "beta", params["smoothing_trend"])
    add(case, "gamma", params["smoothing_seasonal"])
    add(case, "initial_level", params["initial_level"])
    add(case, "initial_trend", params["initial_trend"])
    add(case, "initial_seasonal", [params[f"initial_seasonal.{i}"] for i in range(12)])  # s_{-1} ... s_{-12}
    add(case, "fitted", res.fittedvalues)
    add(case, "mse", res.mse)  # the scale of the analytic intervals: mean squared residual, SSE / n
    add(case, "forecast", res.forecast(24))
    if analytic:
        for alpha, suffix in [(0.20, "80"), (0.05, "95")]:
            prediction = res.get_prediction(start=len(y), end=len(y) + 23)
            assert prediction.method == "exact"
            frame = prediction.summary_frame(alpha=alpha)
            add(case, "mean" + suffix, frame["mean"])
            add(case, "lower" + suffix, frame["pi_lower"])
            add(case, "upper" + suffix, frame["pi_upper"])


def hw_case(case, y, seasonal):
    res = ExponentialSmoothing(y, trend="add", seasonal=seasonal, seasonal_periods=12).fit()
    p = res.params
    add(case, "alpha", p["smoothing_level"])
    add(case, "beta_star", p["smoothing_trend"])
    add(case, "gamma", p["smoothing_seasonal"])
    add(case, "initial_level", p["initial_level"])
    add(case, "initial_trend", p["initial_trend"])
    add(case, "initial_seasons", p["initial_seasons"])
    add(case, "fitted", res.fittedvalues)
    add(case, "sse", res.sse)
    add(case, "forecast", res.forecast(24))  # statsmodels issue 9538: h = 12 and 24 are wrong in 0.15


ets_case("sm_ETS_co2_AAA", co2, "add", "add", analytic=True)
ets_case("sm_ETS_AirPassengers_MAM", air, "mul", "mul", analytic=False)
hw_case("sm_HW_co2_additive", co2, "add")
hw_case("sm_HW_AirPassengers_multiplicative", air, "mul")

pd.DataFrame(rows, columns=["case", "quantity", "index", "value"]).to_csv("../ets_statsmodels.csv", index=False)
print("statsmodels", statsmodels.__version__, "numpy", np.__version__, "pandas", pd.__version__)
