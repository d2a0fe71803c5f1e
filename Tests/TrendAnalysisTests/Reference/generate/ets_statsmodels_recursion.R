# Cross-check of statsmodels' Holt-Winters forecasts (its issue 9538: wrong at h = 12 and 24 in 0.15).
# Run from Reference/generate/ after ets_statsmodels.py:  Rscript ets_statsmodels_recursion.R
# Reads ../ets_series.csv and the statsmodels parameters in ../ets_statsmodels.csv; runs the
# ExponentialSmoothing recursions (Hyndman et al. 2008 Table 7.1 smoothing form; season updated
# from y / (l[t-1] + b[t-1])) as a plain loop, and writes fitted values and forecasts 1..24
# to ../ets_statsmodels_r.csv.
fmt <- function(v) format(v, digits = 17, scientific = FALSE, trim = TRUE)
series <- read.csv("../ets_series.csv")
ref <- read.csv("../ets_statsmodels.csv")
get <- function(case, quantity) ref$value[ref$case == case & ref$quantity == quantity]

rows <- list()
add <- function(case, quantity, values) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity,
                                          index = seq_along(values) - 1, value = fmt(values))
}

hw <- function(case, data, multiplicative) {
  y <- series$value[series$series == data]
  alpha <- get(case, "alpha"); beta <- get(case, "beta_star"); gamma <- get(case, "gamma")
  l <- get(case, "initial_level"); b <- get(case, "initial_trend"); s <- get(case, "initial_seasons")
  m <- length(s)
  fitted <- numeric(length(y))
  for (t in seq_along(y)) {
    q <- l + b
    fitted[t] <- if (multiplicative) q * s[1] else q + s[1]
    deseason <- if (multiplicative) y[t] / s[1] else y[t] - s[1]
    level <- alpha * deseason + (1 - alpha) * q
    b <- beta * (level - l) + (1 - beta) * b
    season <- if (multiplicative) y[t] / q else y[t] - q
    s <- c(s[-1], gamma * season + (1 - gamma) * s[1])
    l <- level
  }
  h <- 1:24
  seasonal <- s[(h - 1) %% m + 1]
  forecast <- if (multiplicative) (l + h * b) * seasonal else l + h * b + seasonal
  add(case, "fitted", fitted)
  add(case, "forecast", forecast)
}
hw("sm_HW_co2_additive", "co2", FALSE)
hw("sm_HW_AirPassengers_multiplicative", "AirPassengers", TRUE)

write.csv(do.call(rbind, rows), "../ets_statsmodels_r.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
