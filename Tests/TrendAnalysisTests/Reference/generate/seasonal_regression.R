# Reference values for the trend-plus-seasonal regression baseline: R lm + predict.lm.
# Run from Reference/generate/: Rscript seasonal_regression.R  (writes ../seasonal_regression.csv)
fmt <- function(v) format(v, digits = 17, scientific = FALSE, trim = TRUE)
rows <- list()
add <- function(case, quantity, values) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity, index = seq_along(values) - 1, value = fmt(as.numeric(values)))
}
run <- function(case, y, m, h) {
  n <- length(y); t <- 0:(n - 1)
  if (m > 1) {
    season <- factor(t %% m, levels = 0:(m - 1))
    fit <- lm(y ~ t + season)
    new <- data.frame(t = n:(n + h - 1), season = factor((n:(n + h - 1)) %% m, levels = 0:(m - 1)))
  } else {
    fit <- lm(y ~ t)
    new <- data.frame(t = n:(n + h - 1))
  }
  add(case, "coefficients", coef(fit)); add(case, "fitted", fitted(fit)); add(case, "rss", sum(residuals(fit)^2))
  add(case, "sigma", summary(fit)$sigma)
  p95 <- predict(fit, new, interval = "prediction", level = 0.95)
  p80 <- predict(fit, new, interval = "prediction", level = 0.80)
  add(case, "mean", p95[, "fit"]); add(case, "lower95", p95[, "lwr"]); add(case, "upper95", p95[, "upr"])
  add(case, "lower80", p80[, "lwr"]); add(case, "upper80", p80[, "upr"])
}
run("co2_monthly", as.numeric(co2), 12, 24)        # uses ../ets_series.csv's co2 (the same datasets::co2)
run("nile_line", as.numeric(Nile), 1, 5)
write.csv(do.call(rbind, rows), "../seasonal_regression.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "\n")
