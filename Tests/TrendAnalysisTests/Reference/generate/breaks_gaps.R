# strucchange and sandwich references for break tests on the observed periods of gappy monthly series.
# Run from this directory:  Rscript breaks_gaps.R
# Reads ../breaks_gaps_coal.csv (the bundled monthly HS 2701 values, NA for a missing month).
# Writes ../breaks_gaps_series.csv (the seeded synthetic series, labelled synthetic, NA where removed),
# ../breaks_gaps_breakpoints.csv, ../breaks_gaps_confint.csv, ../breaks_gaps_fstats.csv,
# ../breaks_gaps_tests.csv, ../breaks_gaps_efp.csv and ../breaks_gaps_its.csv.
# Every model uses only the observed rows (and, for the lag model, only rows whose lag is observed).
# The time regressor t is the calendar position: t = 1 for the window's first month (its.R: t - 1),
# whatever is missing. Observation indices are R's (1-based, among the observed rows).
suppressMessages({ library(strucchange); library(sandwich) })
f17 <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))
header <- sprintf("# %s, strucchange %s, sandwich %s; script generate/breaks_gaps.R",
                  R.version.string, packageVersion("strucchange"), packageVersion("sandwich"))
writeCSV <- function(df, file) {
  con <- file(file, "w"); writeLines(header, con)
  for (nm in names(df)) if (is.double(df[[nm]])) df[[nm]] <- f17(df[[nm]])
  write.table(df, con, sep = ",", quote = FALSE, row.names = FALSE, na = "NA"); close(con)
}
month <- function(start, i) { m <- start[2] - 1 + i; sprintf("%d-%02d", start[1] + m %/% 12, m %% 12 + 1) }

# Synthetic (seeded): 120 months from 2010-01, y = 100 + 0.2 t + 20 [t >= 43] - 25 [t >= 82] + N(0, 6^2),
# then 30 of the 118 inner months removed at random (25%); the first and last months are kept.
set.seed(20261204)
n0 <- 120; t <- 1:n0
y <- 100 + 0.2 * t + 20 * (t >= 43) - 25 * (t >= 82) + rnorm(n0, 0, 6)
y[sort(sample(2:(n0 - 1), 30))] <- NA
syn <- data.frame(period = month(c(2010, 1), 0:(n0 - 1)), value = y)
con <- file("../breaks_gaps_series.csv", "w")
writeLines(c(header, "# SYNTHETIC: seeded generator above; NA = a removed month"), con)
write.table(data.frame(period = syn$period, value = f17(syn$value)), con, sep = ",", quote = FALSE, row.names = FALSE); close(con)

coal <- read.csv("../breaks_gaps_coal.csv", comment.char = "#", na.strings = "NA")

observed <- function(s, lag = 0) {
  n <- nrow(s); tt <- 1:n
  keep <- !is.na(s$value)
  d <- data.frame(period = s$period, y = s$value, t = tt)
  if (lag > 0) { d$ylag <- c(rep(NA, lag), s$value[1:(n - lag)]); keep <- keep & !is.na(d$ylag) }
  d[keep, ]
}
cases <- list(
  synthetic_mean  = list(data = observed(syn), formula = y ~ 1, chow = "2013-06"),
  synthetic_trend = list(data = observed(syn), formula = y ~ t, chow = "2013-06"),
  synthetic_lag1  = list(data = observed(syn, 1), formula = y ~ ylag, chow = "2013-06"),
  coal_mean       = list(data = observed(coal), formula = y ~ 1, chow = "2016-12"),
  coal_trend      = list(data = observed(coal), formula = y ~ t, chow = "2016-12")
)
bps <- NULL; ci <- NULL; fs <- NULL; sc <- NULL; ef <- NULL
for (name in names(cases)) {
  cs <- cases[[name]]; d <- cs$data; n <- nrow(d)
  bp <- breakpoints(cs$formula, data = d, h = 0.15)
  s <- summary(bp)
  for (k in 0:(ncol(s$RSS) - 1)) {
    b <- if (k == 0) integer(0) else breakpoints(bp, breaks = k)$breakpoints
    bps <- rbind(bps, data.frame(case = name, breaks = k, rss = s$RSS["RSS", k + 1], bic = s$RSS["BIC", k + 1],
                                 breakpoints = paste(b, collapse = ";"), periods = paste(d$period[b], collapse = ";"),
                                 h = as.integer(floor(0.15 * n)), n = n, chosen = as.integer(k == length(na.omit(breakpoints(bp)$breakpoints)))))
  }
  chosen <- length(na.omit(breakpoints(bp)$breakpoints))
  for (k in setdiff(sort(unique(c(chosen, 1))), 0)) {
    cf <- confint(bp, breaks = k)$confint
    ci <- rbind(ci, data.frame(case = name, breaks = k, index = 1:k, lower = as.integer(cf[, 1]), breakpoint = as.integer(cf[, 2]),
                               upper = as.integer(cf[, 3]), lower_period = d$period[pmax(1, pmin(n, cf[, 1]))],
                               period = d$period[cf[, 2]], upper_period = d$period[pmax(1, pmin(n, cf[, 3]))]))
  }
  Fs <- Fstats(cs$formula, data = d, from = 0.15)
  idx <- round((as.numeric(time(Fs$Fstats)) - Fs$datatsp[1]) * Fs$datatsp[3])   # a data frame: datatsp = (0, 1, n), time = point / n
  fs <- rbind(fs, data.frame(case = name, index = as.integer(idx), period = d$period[idx], f = as.numeric(Fs$Fstats)))
  for (type in c("supF", "aveF", "expF")) {
    tt <- sctest(Fs, type = type)
    sc <- rbind(sc, data.frame(case = name, test = type, point = NA, period = NA, statistic = unname(tt$statistic), p_value = tt$p.value))
  }
  point <- sum(d$period <= cs$chow)
  tt <- sctest(cs$formula, data = d, type = "Chow", point = point)
  sc <- rbind(sc, data.frame(case = name, test = "Chow", point = point, period = cs$chow, statistic = unname(tt$statistic), p_value = tt$p.value))
  for (type in c("OLS-CUSUM", "Rec-CUSUM")) {
    e <- efp(cs$formula, data = d, type = type)
    tt <- sctest(e)
    sc <- rbind(sc, data.frame(case = name, test = type, point = NA, period = NA, statistic = unname(tt$statistic), p_value = tt$p.value))
    ef <- rbind(ef, data.frame(case = name, type = type, index = seq_along(e$process) - 1L, process = as.numeric(e$process)))
  }
}
writeCSV(bps, "../breaks_gaps_breakpoints.csv")
writeCSV(ci, "../breaks_gaps_confint.csv")
writeCSV(fs, "../breaks_gaps_fstats.csv")
writeCSV(sc, "../breaks_gaps_tests.csv")
writeCSV(ef, "../breaks_gaps_efp.csv")

# Interrupted time series on the observed rows: y ~ t + level + since [+ month], t = calendar position from 0,
# t0 the intervention's calendar position (observed or not); HAC by NeweyWest(lag, prewhite = FALSE, adjust = FALSE)
# over the observed rows in order.
its <- list(
  synthetic = list(s = syn, at = "2016-10", seasonal = TRUE, lag = 3),
  coal = list(s = coal, at = "2017-03", seasonal = FALSE, lag = 3)
)
coefs <- NULL
for (name in names(its)) {
  cs <- its[[name]]; s <- cs$s
  tt <- 0:(nrow(s) - 1); t0 <- match(cs$at, s$period) - 1
  d <- data.frame(y = s$value, t = tt, level = as.numeric(tt >= t0), since = ifelse(tt >= t0, tt - t0, 0),
                  month = factor(as.integer(substr(s$period, 6, 7)), levels = 1:12))[!is.na(s$value), ]
  m <- if (cs$seasonal) lm(y ~ t + level + since + month, data = d) else lm(y ~ t + level + since, data = d)
  V <- NeweyWest(m, lag = cs$lag, prewhite = FALSE, adjust = FALSE)
  co <- summary(m)$coefficients; hac <- sqrt(diag(V))
  coefs <- rbind(coefs, data.frame(case = name, term = rownames(co), estimate = co[, 1], std_error = co[, 2], p = co[, 4],
                                   hac_std_error = hac, hac_p = 2 * pnorm(-abs(co[, 1] / hac)), lag = cs$lag, at = cs$at, n = nrow(d)))
}
writeCSV(coefs, "../breaks_gaps_its.csv")
