# Reference values for forecasts on a Box-Cox scale: R forecast::ets(y, lambda = ..., biasadj = ...)
# on AirPassengers (from ../ets_series.csv's source, datasets::AirPassengers): AAN and AAA on logs
# (lambda = 0) and AAN on lambda = 0.5. R estimates the parameters and initial states; the Swift test
# fixes them to R's and compares the back-transformed median, bias-adjusted mean and interval bounds.
# Run from Reference/generate/: Rscript ets_log.R  (writes ../ets_log.csv)
suppressPackageStartupMessages(library(forecast))
fmt <- function(v) format(v, digits = 17, scientific = FALSE, trim = TRUE)

rows <- list()
add <- function(case, quantity, values) {
  values <- as.numeric(values)
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity,
                                          index = seq_along(values) - 1, value = fmt(values))
}

log_case <- function(case, y, model, lambda) {
  fit <- ets(y, model = model, damped = FALSE, lambda = lambda, biasadj = FALSE)
  par <- fit$par
  add(case, "lambda", lambda)
  for (name in c("alpha", "beta", "gamma")) if (!is.na(par[name])) add(case, name, par[name])
  add(case, "states_first_row", fit$states[1, ])   # l, b, s1 (most recent) ... sm, on the lambda scale
  add(case, "sigma2", fit$sigma2)                  # on the lambda scale
  median <- forecast(fit, h = 24, level = c(80, 95), biasadj = FALSE)
  mean <- forecast(fit, h = 24, level = c(80, 95), biasadj = TRUE)
  add(case, "median", median$mean)
  add(case, "mean", mean$mean)                     # InvBoxCox(biasadj = TRUE), variance from the 95% interval
  add(case, "lower80", median$lower[, 1]); add(case, "upper80", median$upper[, 1])
  add(case, "lower95", median$lower[, 2]); add(case, "upper95", median$upper[, 2])
}
log_case("AirPassengers_log_AAN", AirPassengers, "AAN", 0)
log_case("AirPassengers_log_AAA", AirPassengers, "AAA", 0)
log_case("AirPassengers_boxcox05_AAN", AirPassengers, "AAN", 0.5)

write.csv(do.call(rbind, rows), "../ets_log.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "forecast", as.character(packageVersion("forecast")), "\n")
