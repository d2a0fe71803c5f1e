# Interrupted time series references.  Run from this directory:  Rscript its.R
# Writes ../its.csv (coefficients) and ../its_counterfactual.csv.
# Model: y ~ t + level + since [+ factor(month)], t = 0, 1, ... (0-based), level = 1 from the first
# period under the intervention, since = t - t0 from then on (0 before); OLS by lm, HAC covariance by
# sandwich::NeweyWest(m, lag = L, prewhite = FALSE, adjust = FALSE); HAC p-values from the normal.
suppressMessages(library(sandwich))
f17 <- function(x) trimws(formatC(x, digits = 17, format = "g"))
header <- sprintf("# %s, sandwich %s; script generate/its.R", R.version.string, packageVersion("sandwich"))
cases <- list(
  # Nile: the first Aswan dam, first year under it 1899 (index 28), annual, no seasonal terms, L = 3.
  nile = list(y = as.numeric(Nile), start = 1871, t0 = 28, seasonal = FALSE, lag = 3),
  # UKDriverDeaths: compulsory seat belts from 31 Jan 1983; first month under it 1983-02 (index 169), L = 4.
  seatbelt_law = list(y = as.numeric(UKDriverDeaths), start = 1969, t0 = 169, seasonal = TRUE, lag = 4)
)
coefs <- NULL; paths <- NULL
for (name in names(cases)) {
  cs <- cases[[name]]
  n <- length(cs$y); t <- 0:(n - 1)
  level <- as.numeric(t >= cs$t0); since <- ifelse(t >= cs$t0, t - cs$t0, 0)
  d <- data.frame(y = cs$y, t = t, level = level, since = since)
  if (cs$seasonal) {
    d$month <- factor((t %% 12) + 1, levels = 1:12)   # the series starts in January
    m <- lm(y ~ t + level + since + month, data = d)
  } else m <- lm(y ~ t + level + since, data = d)
  V <- NeweyWest(m, lag = cs$lag, prewhite = FALSE, adjust = FALSE)
  s <- summary(m)$coefficients
  hac <- sqrt(diag(V))
  coefs <- rbind(coefs, data.frame(case = name, term = rownames(s), estimate = f17(s[, 1]), std_error = f17(s[, 2]),
                                   p = f17(s[, 4]), hac_std_error = f17(hac), hac_p = f17(2 * pnorm(-abs(s[, 1] / hac))),
                                   lag = cs$lag, t0 = cs$t0, n = n))
  # Counterfactual: the fitted model with level and since set to 0, for every observation.
  cf <- d; cf$level <- 0; cf$since <- 0
  paths <- rbind(paths, data.frame(case = name, index = t, fitted = f17(fitted(m)), counterfactual = f17(predict(m, newdata = cf))))
}
for (x in list(list(coefs, "../its.csv"), list(paths, "../its_counterfactual.csv"))) {
  con <- file(x[[2]], "w"); writeLines(header, con)
  write.table(x[[1]], con, sep = ",", quote = FALSE, row.names = FALSE); close(con)
}
