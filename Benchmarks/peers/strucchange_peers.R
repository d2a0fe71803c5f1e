#!/usr/bin/env Rscript
# Peers for Bai-Perron (issue 5): R strucchange `breakpoints` + `confint`, timed inside R.
#
#   Rscript strucchange_peers.R TASK --input PATH [--size LABEL] [--warmup N] [--runs N]
#
# strucchange-seatbelt: the package vignette, log10 UKDriverDeaths on lags 1 and 12, 1970-01..1984-12
#   (n = 180, 3 regressors), breakpoints(h = 0.1), then confint(breaks = 2).
# strucchange-panel: per series of the synthetic panel (BENCH_SERIES_LIMIT first series),
#   breakpoints(log y ~ t, h = 0.15), breaks chosen by BIC, confint of those when there are any.
# Checksum (as tradescope's BaiPerronTask): breaks, Σ break, Σ lower, Σ upper as 0-based indices of the
#   last observation of a regime (R's are 1-based), Σ RSS at the breaks used.
# Prints one JSON line like peers/common.py (process CPU time from proc.time(), wall from Sys.time()).
suppressMessages(library(strucchange))

args <- commandArgs(trailingOnly = TRUE)
task <- args[1]
option <- function(name, default) { i <- match(name, args); if (is.na(i)) default else args[i + 1] }
input <- option("--input", ""); size <- option("--size", "")
warmup <- as.integer(option("--warmup", "1")); runs <- as.integer(option("--runs", "3"))

tally <- function(bp, breaks) {
  out <- c(breaks = 0, break_sum = 0, lower_sum = 0, upper_sum = 0, rss_sum = 0)
  if (breaks > 0) {
    ci <- confint(bp, breaks = breaks)$confint
    out["breaks"] <- breaks
    out["lower_sum"] <- sum(ci[, 1] - 1); out["break_sum"] <- sum(ci[, 2] - 1); out["upper_sum"] <- sum(ci[, 3] - 1)
  }
  out["rss_sum"] <- summary(bp)$RSS["RSS", breaks + 1]
  out
}

if (task == "strucchange-seatbelt") {
  lines <- readLines(input); lines <- lines[!startsWith(lines, "#")]
  d <- read.csv(text = paste(lines, collapse = "\n"))
  first <- as.integer(strsplit(d$period[1], "-")[[1]])
  deaths <- ts(log10(d$deaths), start = first, frequency = 12)
  seatbelt <- cbind(deaths, lag(deaths, k = -1), lag(deaths, k = -12))
  colnames(seatbelt) <- c("y", "ylag1", "ylag12")
  seatbelt <- window(seatbelt, start = c(1970, 1), end = c(1984, 12))
  rows <- 1
  body <- function() tally(breakpoints(y ~ ylag1 + ylag12, data = seatbelt, h = 0.1), 2)
} else if (task == "strucchange-panel") {
  meta <- readLines(paste0(input, ".json"), warn = FALSE)
  series <- as.integer(sub('.*"series": *([0-9]+).*', "\\1", meta))
  months <- as.integer(sub('.*"months": *([0-9]+).*', "\\1", meta))
  limit <- as.integer(Sys.getenv("BENCH_SERIES_LIMIT", "0"))
  rows <- if (!is.na(limit) && limit > 0) min(series, limit) else series
  con <- file(paste0(input, ".f64"), "rb")
  values <- readBin(con, "double", n = rows * months, size = 8, endian = "little"); close(con)
  panel <- matrix(log(values), nrow = months)  # column k = series k
  t <- seq_len(months) - 1
  body <- function() {
    total <- c(breaks = 0, break_sum = 0, lower_sum = 0, upper_sum = 0, rss_sum = 0)
    for (k in seq_len(rows)) {
      y <- panel[, k]
      bp <- breakpoints(y ~ t, h = 0.15)
      chosen <- length(na.omit(breakpoints(bp)$breakpoints))
      total <- total + tally(bp, chosen)
    }
    total
  }
} else stop(paste("unknown task", task))

for (i in seq_len(warmup)) outcome <- body()
cpu <- numeric(0); wall <- numeric(0)
for (i in seq_len(max(1, runs))) {
  c0 <- proc.time(); w0 <- Sys.time()
  outcome <- body()
  w1 <- Sys.time(); c1 <- proc.time()
  cpu <- c(cpu, sum((c1 - c0)[c("user.self", "sys.self")])); wall <- c(wall, as.numeric(difftime(w1, w0, units = "secs")))
}
num <- function(x) formatC(x, digits = 17, format = "g")
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
checksum <- paste(sprintf('"%s": %s', names(outcome), num(outcome)), collapse = ", ")
cat(sprintf('{"tool": "strucchange", "task": "%s", "size": "%s", "seconds": %s, "median": %s, "runs": %d, "cpu_seconds": %s, "cpu_median": %s, "bytes": 0, "rows": %d, "checksum": {%s}, "r_version": "%s", "strucchange": "%s"}\n',
            task, size, vec(wall), num(median(wall)), length(wall), vec(cpu), num(median(cpu)), rows, checksum,
            R.version.string, as.character(packageVersion("strucchange"))))
