# strucchange references for Breaks tests.  Run from this directory:  Rscript strucchange.R
# Writes ../ukdriverdeaths.csv, ../breakpoints_summary.csv, ../breakpoints_confint.csv,
# ../fstats.csv, ../sctest.csv, ../efp.csv.  Indices are R's (1-based); break index = last obs of a regime.
suppressMessages(library(strucchange))
f17 <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))
header <- sprintf("# %s, strucchange %s; script generate/strucchange.R", R.version.string, packageVersion("strucchange"))
writeCSV <- function(df, file) {
  con <- file(file, "w"); writeLines(header, con)
  for (nm in names(df)) if (is.numeric(df[[nm]])) { df[[nm]] <- if (all(is.na(df[[nm]]) | df[[nm]] == round(df[[nm]])) && !grepl("rss|bic|lwz|statistic|p_value|process|^f$", nm)) ifelse(is.na(df[[nm]]), "NA", as.character(as.integer(df[[nm]]))) else f17(df[[nm]]) }
  write.table(df, con, sep = ",", quote = FALSE, row.names = FALSE); close(con)
}

data("UKDriverDeaths")
writeCSV(data.frame(period = sprintf("%d-%02d", floor(time(UKDriverDeaths) + 1e-6), cycle(UKDriverDeaths)),
                    deaths = as.integer(UKDriverDeaths)), "../ukdriverdeaths.csv")

# The strucchange vignette model: log10 deaths on lags 1 and 12, 1970-01..1984-12 (n = 180), h = 0.1.
seatbelt <- log10(UKDriverDeaths)
seatbelt <- cbind(seatbelt, lag(seatbelt, k = -1), lag(seatbelt, k = -12))
colnames(seatbelt) <- c("y", "ylag1", "ylag12")
seatbelt <- window(seatbelt, start = c(1970, 1), end = c(1984, 12))

models <- list(
  nile = list(formula = Nile ~ 1, data = list(), h = 0.15),
  seatbelt = list(formula = y ~ ylag1 + ylag12, data = seatbelt, h = 0.1)
)
summ <- NULL; ci <- NULL; fs <- NULL; sc <- NULL; ef <- NULL
for (name in names(models)) {
  m <- models[[name]]
  bp <- breakpoints(m$formula, data = m$data, h = m$h)
  n <- bp$nobs
  s <- summary(bp)
  M <- ncol(s$RSS) - 1
  for (k in 0:M) {
    lwz <- if (k == 0) NA else AIC(breakpoints(bp, breaks = k), k = 0.299 * log(n)^2.1)
    bps <- if (k == 0) "" else paste(breakpoints(bp, breaks = k)$breakpoints, collapse = ";")
    summ <- rbind(summ, data.frame(case = name, breaks = k, rss = s$RSS["RSS", k + 1], bic = s$RSS["BIC", k + 1],
                                   lwz = lwz, breakpoints = bps, h = floor(m$h * n), n = n))
  }
  chosen <- length(na.omit(breakpoints(bp)$breakpoints))
  for (k in setdiff(sort(unique(c(chosen, 1, 2))), 0)) {
    cf <- confint(bp, breaks = k)$confint
    ci <- rbind(ci, data.frame(case = name, breaks = k, chosen_by_bic = as.integer(k == chosen), index = 1:k,
                               lower = as.integer(cf[, 1]), breakpoint = as.integer(cf[, 2]), upper = as.integer(cf[, 3])))
  }
  # Andrews sup/ave/exp F over the default trimmed range (from = 0.15) and a Chow test at the BIC break.
  Fs <- Fstats(m$formula, data = m$data, from = 0.15)
  idx <- round((as.numeric(time(Fs$Fstats)) - Fs$datatsp[1]) * Fs$datatsp[3]) + 1
  fs <- rbind(fs, data.frame(case = name, index = as.integer(idx), f = as.numeric(Fs$Fstats)))
  for (type in c("supF", "aveF", "expF")) {
    t <- sctest(Fs, type = type)
    sc <- rbind(sc, data.frame(case = name, test = type, point = NA, statistic = unname(t$statistic), p_value = t$p.value))
  }
  point <- breakpoints(bp, breaks = 1)$breakpoints
  t <- sctest(m$formula, data = m$data, type = "Chow", point = point)
  sc <- rbind(sc, data.frame(case = name, test = "Chow", point = point, statistic = unname(t$statistic), p_value = t$p.value))
  for (type in c("OLS-CUSUM", "Rec-CUSUM")) {
    e <- efp(m$formula, data = m$data, type = type)
    t <- sctest(e)
    sc <- rbind(sc, data.frame(case = name, test = type, point = NA, statistic = unname(t$statistic), p_value = t$p.value))
    ef <- rbind(ef, data.frame(case = name, type = type, index = seq_along(e$process) - 1L, process = as.numeric(e$process)))
  }
}
writeCSV(summ, "../breakpoints_summary.csv")
writeCSV(ci, "../breakpoints_confint.csv")
writeCSV(fs, "../fstats.csv")
writeCSV(sc, "../sctest.csv")
writeCSV(ef, "../efp.csv")
