# Writes ../nile.csv: the Nile annual flow series (R datasets, Durbin and Koopman 2001), 1871-1970.
# Run from this directory: Rscript nile.R
write.csv(data.frame(year = as.integer(time(Nile)), flow = as.numeric(Nile)), "../nile.csv", row.names = FALSE, quote = FALSE)
