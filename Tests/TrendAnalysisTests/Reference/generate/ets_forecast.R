# Reference values for exponential smoothing: R forecast::ets and stats::HoltWinters
# on AirPassengers (multiplicative), co2 (additive) and WWWusage (damped, non-seasonal).
# Run from Reference/generate/: Rscript ets_forecast.R  (writes ../ets_series.csv, ../ets_reference.csv)
suppressPackageStartupMessages(library(forecast))
fmt <- function(v) format(v, digits = 17, scientific = FALSE, trim = TRUE)

series <- data.frame(series = c(rep("co2", length(co2)), rep("AirPassengers", length(AirPassengers)),
                                rep("WWWusage", length(WWWusage))),
                     index = c(seq_along(co2), seq_along(AirPassengers), seq_along(WWWusage)) - 1,
                     value = fmt(c(as.numeric(co2), as.numeric(AirPassengers), as.numeric(WWWusage))))
write.csv(series, "../ets_series.csv", row.names = FALSE, quote = FALSE)

rows <- list()
add <- function(case, quantity, values) {
  values <- as.numeric(values)
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity,
                                          index = seq_along(values) - 1, value = fmt(values))
}

ets_case <- function(case, y, model, damped) {
  fit <- ets(y, model = model, damped = damped)
  par <- fit$par
  for (name in c("alpha", "beta", "gamma", "phi")) if (!is.na(par[name])) add(case, name, par[name])
  add(case, "initstate", fit$initstate)   # l, b, s1 (most recent) ... sm (oldest; R keeps all m)
  add(case, "states_first_row", fit$states[1, ])
  add(case, "fitted", fitted(fit))
  add(case, "residuals", residuals(fit))
  add(case, "sigma2", fit$sigma2)
  add(case, "loglik", fit$loglik)
  add(case, "aic", fit$aic)
  add(case, "np", length(fit$par) + 1)
  fc <- forecast(fit, h = 24, level = c(80, 95))
  add(case, "mean", fc$mean)   # class 3 (MAM): the conditional mean, above the recursion for h > m
  add(case, "lower80", fc$lower[, 1]); add(case, "upper80", fc$upper[, 1])
  add(case, "lower95", fc$lower[, 2]); add(case, "upper95", fc$upper[, 2])
  set.seed(20261129)
  sim <- forecast(fit, h = 24, level = 95, simulate = TRUE, npaths = 20000)
  add(case, "sim_lower95", sim$lower); add(case, "sim_upper95", sim$upper)
  add(case, "point", sim$mean)   # pegelsfcast.C: the recursion's point forecast
}
ets_case("co2_AAA", co2, "AAA", FALSE)
ets_case("AirPassengers_MAM", AirPassengers, "MAM", FALSE)
ets_case("WWWusage_AAdN", WWWusage, "AAN", TRUE)

hw_case <- function(case, y, seasonal) {
  fit <- HoltWinters(y, seasonal = seasonal)
  add(case, "alpha", fit$alpha); add(case, "beta", fit$beta); add(case, "gamma", fit$gamma)
  add(case, "SSE", fit$SSE)
  add(case, "coefficients", fit$coefficients)   # a, b, s1 (next period) ... sm
  add(case, "fitted", fitted(fit)[, "xhat"])
  p <- predict(fit, n.ahead = 24, prediction.interval = TRUE, level = 0.95)
  add(case, "mean", p[, "fit"]); add(case, "upper95", p[, "upr"]); add(case, "lower95", p[, "lwr"])
  add(case, "var_residuals", var(residuals(fit)))
  # R's default L-BFGS-B (numerical gradient) can stop early (co2: ABNORMAL_TERMINATION_IN_LNSRCH).
  # The minimum itself: Nelder-Mead on the same SSE, restarted until it no longer moves.
  sse <- function(p) tryCatch(HoltWinters(y, alpha = p[1], beta = p[2], gamma = p[3], seasonal = seasonal)$SSE,
                              error = function(e) Inf)
  p <- c(fit$alpha, fit$beta, fit$gamma)
  for (k in 1:10) p <- optim(p, sse, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))$par
  add(case, "nm_alpha", p[1]); add(case, "nm_beta", p[2]); add(case, "nm_gamma", p[3]); add(case, "nm_SSE", sse(p))
}
hw_case("co2_HW_additive", co2, "additive")
hw_case("AirPassengers_HW_multiplicative", AirPassengers, "multiplicative")

write.csv(do.call(rbind, rows), "../ets_reference.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "forecast", as.character(packageVersion("forecast")), "\n")
