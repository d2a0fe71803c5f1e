# Reference values for exponential smoothing on LakeHuron (annual lake level, 1875-1972, 98 values):
# R forecast::ets with the damped additive trend (model "AAN", damped = TRUE) and the automatic
# choice by AICc (model "ZZZ"), plus forecast:::admissible on a grid of seasonal parameters.
# Run from Reference/generate/: Rscript ets_lakehuron.R  (writes ../ets_lakehuron.csv)
suppressPackageStartupMessages(library(forecast))
fmt <- function(v) format(v, digits = 17, scientific = FALSE, trim = TRUE)
rows <- list()
add <- function(case, quantity, values) {
  values <- as.numeric(values)
  rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity,
                                          index = seq_along(values) - 1, value = fmt(values))
}
add("LakeHuron", "series", LakeHuron)
fit <- ets(LakeHuron, model = "AAN", damped = TRUE)
for (name in c("alpha", "beta", "phi")) add("LakeHuron_AAdN", name, fit$par[name])
add("LakeHuron_AAdN", "initstate", fit$initstate)
add("LakeHuron_AAdN", "sse", sum(residuals(fit)^2))
add("LakeHuron_AAdN", "loglik", fit$loglik)
add("LakeHuron_AAdN", "aicc", fit$aicc)
# At R's smoothing parameters the one-step errors are linear in the initial states (l0, b0):
# e = e(0) - X x0, with X's columns the one-step forecasts from l0 = 1 or b0 = 1 on zero data.
# Least squares (lm) gives the initial states that minimise the SSE at those parameters.
onestep <- function(y, l, b, a, bt, phi) {
  f <- numeric(length(y))
  for (t in seq_along(y)) { f[t] <- l + phi * b; e <- y[t] - f[t]; l <- l + phi * b + a * e; b <- phi * b + bt * e }
  f
}
p <- fit$par; y <- as.numeric(LakeHuron)
e0 <- y - onestep(y, 0, 0, p["alpha"], p["beta"], p["phi"])
X <- cbind(onestep(0 * y, 1, 0, p["alpha"], p["beta"], p["phi"]), onestep(0 * y, 0, 1, p["alpha"], p["beta"], p["phi"]))
ls <- lm(e0 ~ X - 1)
add("LakeHuron_AAdN", "profiled_initstate", coef(ls))
add("LakeHuron_AAdN", "profiled_sse", sum(residuals(ls)^2))
# The SSE minimum over the usual bounds (alpha in [1e-4, 0.9999], beta in [1e-4, alpha], phi in [0.8, 0.98])
# with the initial states profiled out as above: optim Nelder-Mead from a grid of 625 starting points.
prof <- function(q) {
  if (q[1] < 1e-4 || q[1] > 0.9999 || q[2] < 1e-4 || q[2] > q[1] || q[3] < 0.8 || q[3] > 0.98) return(Inf)
  e0 <- y - onestep(y, 0, 0, q[1], q[2], q[3])
  X <- cbind(onestep(0 * y, 1, 0, q[1], q[2], q[3]), onestep(0 * y, 0, 1, q[1], q[2], q[3]))
  sum(lm.fit(X, e0)$residuals^2)
}
best <- list(value = Inf)
for (a in seq(0.05, 0.9999, length.out = 25)) for (bt in c(1e-4, 0.01, 0.05, 0.1, 0.3)) for (phi in c(0.8, 0.85, 0.9, 0.95, 0.98)) {
  if (bt > a) next
  o <- optim(c(a, bt, phi), prof, control = list(reltol = 1e-14, maxit = 5000))
  if (o$value < best$value) best <- o
}
add("LakeHuron_AAdN", "minimum_sse", best$value)
add("LakeHuron_AAdN", "minimum_par", best$par)
for (model in c("ANN", "AAN")) {
  f <- ets(LakeHuron, model = model)
  add(paste0("LakeHuron_", model), "sse", sum(residuals(f)^2))
  add(paste0("LakeHuron_", model), "aicc", f$aicc)
}
auto <- ets(LakeHuron)
add("LakeHuron_auto", "aicc", auto$aicc)
cat("automatic choice:", auto$method, "\n")
# Admissibility (forecast:::admissible) of seasonal ETS parameters, m = 4: 1 admissible, 0 not.
grid <- expand.grid(alpha = c(0.1, 0.5, 0.9, 1.3), beta = c(-0.2, 0, 0.3, 1), gamma = c(0.05, 0.4, 0.8, 1.2), phi = c(0.85, 1))
for (i in seq_len(nrow(grid))) {
  g <- grid[i, ]
  add("admissible_m4", "alpha_beta_gamma_phi_ok", c(g$alpha, g$beta, g$gamma, g$phi,
      forecast:::admissible(g$alpha, g$beta, g$gamma, g$phi, 4)))
}
# A straight line by least squares on the first 30 values with values 6, 7 and 13 missing (LinearTrendForecast):
# lm(y ~ t) on the observed ones, predict(interval = "prediction") at t = 31, 32, 33 (0-based 30..32).
yl <- as.numeric(LakeHuron)[1:30]; yl[c(6, 7, 13)] <- NA; tl <- 0:29
ml <- lm(yl ~ tl)
pl <- predict(ml, newdata = data.frame(tl = 30:32), interval = "prediction", level = 0.95)
add("linear_trend", "fit", pl[, "fit"]); add("linear_trend", "lwr", pl[, "lwr"]); add("linear_trend", "upr", pl[, "upr"])
add("linear_trend", "sigma2", summary(ml)$sigma^2)
write.csv(do.call(rbind, rows), "../ets_lakehuron.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "forecast", as.character(packageVersion("forecast")), "\n")
