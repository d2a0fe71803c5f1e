# Anomaly references, written out here independently of the Swift code.  Run from this directory:
#   Rscript anomalies.R      -> ../anomalies_zscore.csv, ../anomalies_esd.csv, ../rivers.csv
# Robust z-scores: residuals of lm(Nile ~ t), t = 0..99; z = (r - median(r)) / mad(r) (constant 1.4826).
# Generalized ESD (Rosner 1983), coded from the paper's formulas: on datasets::rivers with r = 10,
# alpha = 0.05, and on the Nile trend residuals with r = 5.
f17 <- function(x) trimws(formatC(x, digits = 17, format = "g"))
header <- sprintf("# %s; script generate/anomalies.R", R.version.string)
write17 <- function(df, file) { con <- file(file, "w"); writeLines(header, con); write.table(df, con, sep = ",", quote = FALSE, row.names = FALSE); close(con) }

t <- 0:99
r <- residuals(lm(as.numeric(Nile) ~ t))
z <- (r - median(r)) / mad(r)
write17(data.frame(index = t, residual = f17(r), z = f17(z)), "../anomalies_zscore.csv")

gesd <- function(x, r, alpha) {
  n <- length(x); idx <- seq_along(x); out <- NULL
  for (i in 1:r) {
    m <- mean(x[idx]); s <- sd(x[idx]); d <- abs(x[idx] - m); j <- which.max(d)
    p <- 1 - alpha / (2 * (n - i + 1)); tq <- qt(p, n - i - 1)
    lambda <- (n - i) * tq / sqrt((n - i - 1 + tq^2) * (n - i + 1))
    out <- rbind(out, data.frame(step = i, index = idx[j] - 1L, statistic = f17(d[j] / s), critical = f17(lambda)))
    idx <- idx[-j]
  }
  out
}
write17(rbind(cbind(case = "rivers", gesd(as.numeric(rivers), 10, 0.05)), cbind(case = "nile_residuals", gesd(r, 5, 0.05))),
        "../anomalies_esd.csv")
write17(data.frame(index = 0:(length(rivers) - 1), miles = as.integer(rivers)), "../rivers.csv")
