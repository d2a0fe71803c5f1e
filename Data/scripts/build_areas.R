# Builds Data/areas.csv: UN Comtrade's list of areas (reporters and partners),
# one row per numeric area code, with Comtrade's English name, alpha codes,
# group flag and validity years.
#
# Usage (from the repository root; R >= 4.2 with jsonlite, Debian: r-base-core
# r-cran-jsonlite):
#
#   Rscript Data/scripts/build_areas.R [SOURCES_DIR]
#
# SOURCES_DIR (default Data/scripts/areas-sources) holds the raw copies listed
# in SOURCES below; Data/scripts/areas-sources/README.md says where each one
# comes from (repository, path, commit) and how to put it there. Every file is
# checked against its SHA-256 before it is read. The script writes Data/areas.csv
# and prints (1) the decisions it took where its sources disagree and (2) the
# check against the legacy Comtrade rows of
# Data/comtrade/comtrade_legacy_prk_hs27_hs44.csv: every area code there must be
# in the table (the script stops otherwise), and names or ISO codes that differ
# are listed.
#
# Rules (Data/README.md, section "areas.csv", says the same):
# - Comtrade+ first. The reporter rows come from Comtrade's own Reporters.json
#   (the response body recorded verbatim in comtradr's test fixture); the partner
#   rows from comtradr's partner.rds, which is Comtrade+'s partnerAreas.json with
#   the columns renamed (comtradr data-raw/DATASET.R). comtradr's reporter.rds
#   must agree with Reporters.json field by field, or the script stops.
# - A code in both lists must have the same name, alpha codes, note and years in
#   both, or the script stops. The group flag may differ (it does for 490): the
#   partner list's flag wins, because that flag marks the aggregates (World, EU,
#   ASEAN) whose figures repeat those of other areas and must be left out of a
#   sum over partners; 490 "Other Asia, nes" is a residual area with figures of
#   its own, and every other "nes" area is flagged false in both lists.
# - comtradr replaced World's alpha code by the text "World" (DATASET.R:
#   `iso_3 = ifelse(country=='World','World',iso_3)`). Comtrade's own code for
#   area 0 is read from a Comtrade+ data response recorded by comtradr
#   (partner2Code 0 -> partner2ISO), not assumed.
# - A code of the legacy Comtrade lists (legacy API partnerAreas.json and
#   reporterAreas.json) that Comtrade+ lacks is added from them (381 Italy): name
#   from those lists, alpha codes and years from the legacy "Comtrade Country
#   Code and ISO list". Such a row is a group only if that list gives it no
#   ISO 3166 code.
# - iso3 is Comtrade's alpha-3 code when it is an ISO 3166-1 alpha-3 code or a
#   withdrawn ISO 3166-3 one (Debian iso-codes 4.15.0); otherwise it is empty and
#   Comtrade's code is only in comtrade_alpha (S19, X1, _X, R20, EUR, W00, ...).
# - Names are Comtrade's, with leading and trailing spaces removed (four
#   Comtrade+ names end in a space: "Switzerland " 756, "Åland Islands ", ...).

suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
sources_dir <- if (length(args) >= 1) args[[1]] else "Data/scripts/areas-sources"
output <- "Data/areas.csv"
legacy_rows <- "Data/comtrade/comtrade_legacy_prk_hs27_hs44.csv"

SOURCES <- c(
  comtradr_partner.rds = "e9875dca3d9e7d9532e8f759c51317952972ca6abdeb8d77c1812c9f012addd6",
  comtradr_reporter.rds = "e7bfb890d8868f90aac1e313f28b11122a8b430cc74f2be4e32dfb9959d9738e",
  comtradr_Reporters.json.R = "6d94138baf50a2e67c201e29fa6e5b15db6aa9767b4eb126c79c6eb6e99e81e6",
  `comtradr_HS-60a6ad.json` = "c3cd7dc781d6b9aa3d09eabfecd2dcfaf180183f9c2ad4a528d5e45808b9af6c",
  legacy_partnerAreas.json = "677ffc87e80b921b79cd84ad471a3d1443b0fc12db6f5d3d10efaa8abec0e348",
  legacy_reporterAreas.json = "1c1b4a08168640953f4b72d9374564b7147b3796e5aa7481f8da08a7891682e5",
  legacy_country_code_iso_list.csv = "360d39490866217ffe2a173c1870f73542092a12cedb6be787fda43d031ffff3",
  `iso_3166-1.json` = "f01b812b57fba9f31ff621bf33e7c7570a01964dbeb5be2167e94decf538c89f",
  `iso_3166-3.json` = "eb92d1cce3e352559f610e60e2acb23687eb1cf07b23675fb112863a5741a6fa"
)

src <- function(name) file.path(sources_dir, name)
for (name in names(SOURCES)) {
  path <- src(name)
  if (!file.exists(path)) stop(sprintf("%s: missing (see Data/scripts/areas-sources/README.md)", path))
  digest <- sub(" .*", "", system2("sha256sum", shQuote(path), stdout = TRUE))
  if (digest != SOURCES[[name]]) stop(sprintf("%s: SHA-256 %s, expected %s", path, digest, SOURCES[[name]]))
}

trim <- function(x) ifelse(is.na(x), "", trimws(x))
year_of <- function(date) ifelse(is.na(date) | date == "", "", substr(date, 1, 4))

# ---- ISO 3166 alpha-3 codes (current and withdrawn) ----
iso1 <- fromJSON(src("iso_3166-1.json"))[["3166-1"]]
iso3w <- fromJSON(src("iso_3166-3.json"))[["3166-3"]]
iso_alpha3 <- unique(c(iso1$alpha_3, iso3w$alpha_3[!is.na(iso3w$alpha_3)]))

# ---- Comtrade+ reporters: the recorded response body, read without evaluating the fixture ----
# The fixture is one `structure(list(..., body = charToRaw("<JSON>")), ...)` expression;
# parse() turns the string literal into a value, and nothing in the file is run.
find_body <- function(e) {
  if (is.call(e)) {
    args <- as.list(e)
    if ("body" %in% names(args)) {
      b <- args[["body"]]
      if (is.call(b) && identical(b[[1]], as.name("charToRaw")) && is.character(b[[2]])) return(b[[2]])
    }
    for (a in args[-1]) { found <- find_body(a); if (!is.null(found)) return(found) }
  }
  NULL
}
fixture <- parse(src("comtradr_Reporters.json.R"), keep.source = FALSE)[[1]]
reporters_json <- find_body(fixture)
if (is.null(reporters_json)) stop("comtradr_Reporters.json.R: no body = charToRaw(\"...\") string found")
rep_raw <- fromJSON(reporters_json)$results
rep <- data.frame(
  code = rep_raw$id, name = trim(rep_raw$text), alpha3 = trim(rep_raw$reporterCodeIsoAlpha3),
  alpha2 = trim(rep_raw$reporterCodeIsoAlpha2), note = trim(rep_raw$reporterNote),
  entry_year = year_of(rep_raw$entryEffectiveDate), exit_year = year_of(rep_raw$entryExpiredDate),
  is_group = rep_raw$isGroup, stringsAsFactors = FALSE)
if (any(rep_raw$id != rep_raw$reporterCode)) stop("Reporters.json: id differs from reporterCode")
if (any(rep_raw$text != rep_raw$reporterDesc)) stop("Reporters.json: text differs from reporterDesc")

# comtradr's reporter.rds must be the same table.
rds_rep <- readRDS(src("comtradr_reporter.rds"))
m <- match(rep$code, rds_rep$id)
if (anyNA(m) || nrow(rds_rep) != nrow(rep)) stop("reporter.rds and Reporters.json list different codes")
same <- rep$name == trim(rds_rep$country[m]) & rep$alpha3 == trim(rds_rep$iso_3[m]) &
  rep$alpha2 == trim(rds_rep$iso_2[m]) & rep$note == trim(rds_rep$note[m]) &
  rep$entry_year == trim(as.character(rds_rep$entry_year[m])) & rep$exit_year == trim(as.character(rds_rep$exit_year[m])) &
  rep$is_group == rds_rep$group[m]
if (!all(same)) stop(sprintf("reporter.rds differs from Reporters.json for codes %s", paste(rep$code[!same], collapse = ", ")))

# ---- Comtrade+ partners (comtradr's copy of partnerAreas.json) ----
par_rds <- readRDS(src("comtradr_partner.rds"))
par <- data.frame(
  code = par_rds$id, name = trim(par_rds$country), alpha3 = trim(par_rds$iso_3), alpha2 = trim(par_rds$iso_2),
  note = trim(par_rds$note), entry_year = trim(as.character(par_rds$entry_year)),
  exit_year = trim(as.character(par_rds$exit_year)), is_group = par_rds$group, stringsAsFactors = FALSE)
if (anyDuplicated(par$code) || anyDuplicated(rep$code)) stop("a Comtrade+ list repeats a code")

# World: comtradr wrote "World" over Comtrade's alpha code; take Comtrade's from a recorded data response.
resp <- fromJSON(src("comtradr_HS-60a6ad.json"))$data
world_alpha <- unique(resp$partner2ISO[resp$partner2Code == 0])
world_desc <- unique(resp$partner2Desc[resp$partner2Code == 0])
if (length(world_alpha) != 1 || world_desc != "World") stop("HS-60a6ad.json: no single partner2ISO for partner2Code 0")
w <- which(par$code == 0)
if (length(w) != 1 || par$alpha3[w] != "World" || par$name[w] != "World") stop("partner.rds: area 0 is not World/\"World\"")
par$alpha3[w] <- world_alpha

decisions <- c(sprintf("area 0: comtrade_alpha %s from the recorded Comtrade+ data response (comtradr wrote \"World\")", world_alpha))

# ---- Merge the two Comtrade+ lists ----
codes <- sort(union(rep$code, par$code))
fields <- c("name", "alpha3", "alpha2", "note", "entry_year", "exit_year")
rows <- lapply(codes, function(code) {
  r <- rep[rep$code == code, ]
  p <- par[par$code == code, ]
  if (nrow(r) == 1 && nrow(p) == 1) {
    for (f in fields) if (r[[f]] != p[[f]]) stop(sprintf("area %d: %s is '%s' in Reporters.json, '%s' in partnerAreas", code, f, r[[f]], p[[f]]))
    base <- p
    if (r$is_group != p$is_group) {
      decisions <<- c(decisions, sprintf("area %d %s: isGroup %s in Reporters.json, %s in partnerAreas; the partner list's %s is kept",
                                          code, p$name, r$is_group, p$is_group, p$is_group))
    }
  } else {
    base <- if (nrow(p) == 1) p else r
  }
  data.frame(base, reporter = nrow(r) == 1, partner = nrow(p) == 1, source = "comtrade_plus", stringsAsFactors = FALSE)
})
areas <- do.call(rbind, rows)

# ---- Legacy codes that Comtrade+ lacks ----
legacy_p <- fromJSON(src("legacy_partnerAreas.json"))$results
legacy_r <- fromJSON(src("legacy_reporterAreas.json"))$results
legacy_p <- legacy_p[legacy_p$id != "all", ]
legacy_r <- legacy_r[legacy_r$id != "all", ]
iso_list <- read.csv(src("legacy_country_code_iso_list.csv"), check.names = FALSE, colClasses = "character",
                     fileEncoding = "UTF-8-BOM", na.strings = character())
na_code <- function(x) ifelse(x %in% c("N/A", "NULL", ""), "", x)
legacy_codes <- sort(setdiff(as.integer(union(legacy_p$id, legacy_r$id)), areas$code))
for (code in legacy_codes) {
  names_seen <- unique(c(legacy_p$text[legacy_p$id == code], legacy_r$text[legacy_r$id == code]))
  if (length(names_seen) != 1) stop(sprintf("legacy area %d: names %s", code, paste(names_seen, collapse = " / ")))
  l <- iso_list[as.integer(iso_list[["Country Code"]]) == code, ]
  if (nrow(l) != 1) stop(sprintf("legacy area %d: not once in the legacy ISO list", code))
  if (trim(l[["Country Name, Abbreviation"]]) != names_seen) stop(sprintf("legacy area %d: ISO list name differs", code))
  alpha3 <- na_code(trim(l[["ISO3-digit Alpha"]]))
  if (!(alpha3 %in% iso_alpha3)) stop(sprintf("legacy area %d: no ISO 3166 code, so its group flag is unknown", code))
  exit <- trim(l[["End Valid Year"]])
  areas <- rbind(areas, data.frame(
    code = code, name = trim(names_seen), alpha3 = alpha3, alpha2 = na_code(trim(l[["ISO2-digit Alpha"]])),
    note = trim(l[["Country Name, Full "]]), entry_year = trim(l[["Start Valid Year"]]),
    exit_year = if (exit == "Now") "" else exit, is_group = FALSE,
    reporter = code %in% as.integer(legacy_r$id), partner = code %in% as.integer(legacy_p$id),
    source = "comtrade_legacy", stringsAsFactors = FALSE))
  decisions <- c(decisions, sprintf("area %d %s: not in Comtrade+; added from the legacy lists (ISO %s)", code, names_seen, alpha3))
}
areas <- areas[order(areas$code), ]
if (anyDuplicated(areas$code)) stop("duplicate code in the result")

# ---- Columns ----
areas$iso3 <- ifelse(areas$alpha3 %in% iso_alpha3, areas$alpha3, "")
areas$comtrade_alpha <- areas$alpha3
out <- data.frame(
  code = areas$code, iso3 = areas$iso3, comtrade_alpha = areas$comtrade_alpha, iso2 = areas$alpha2,
  name = areas$name, note = areas$note, is_group = tolower(areas$is_group),
  reporter = tolower(areas$reporter), partner = tolower(areas$partner),
  entry_year = areas$entry_year, exit_year = areas$exit_year, source = areas$source, stringsAsFactors = FALSE)

# RFC 4180: quote only fields with a comma, a quote or a line break; UTF-8, LF.
quote_field <- function(x) {
  x <- as.character(x)
  needs <- grepl("[\",\r\n]", x)
  x[needs] <- paste0("\"", gsub("\"", "\"\"", x[needs]), "\"")
  x
}
lines <- c(paste(names(out), collapse = ","),
           do.call(paste, c(lapply(out, quote_field), sep = ",")))
con <- file(output, open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

cat(sprintf("wrote %s: %d areas (%d reporters, %d partners, %d groups, %d without an ISO 3166 code)\n",
            output, nrow(out), sum(areas$reporter), sum(areas$partner), sum(areas$is_group), sum(out$iso3 == "")))
trimmed <- c(rep_raw$text[rep_raw$text != trimws(rep_raw$text)], par_rds$country[par_rds$country != trimws(par_rds$country)])
cat(sprintf("names with surrounding spaces trimmed: %s\n", paste(sprintf("'%s'", unique(trimmed)), collapse = ", ")))
cat("decisions:\n"); cat(paste0("  ", decisions, "\n"), sep = "")
non_iso <- out[out$iso3 == "", c("code", "comtrade_alpha", "name")]
cat("alpha codes that are not ISO 3166 (kept in comtrade_alpha only):\n")
cat(paste0("  ", non_iso$code, " ", ifelse(non_iso$comtrade_alpha == "", "(none)", non_iso$comtrade_alpha), " ", non_iso$name, "\n"), sep = "")
dup_iso <- table(out$iso3[out$iso3 != ""])
dup_iso <- names(dup_iso)[dup_iso > 1]
cat("ISO codes held by more than one area code:\n")
for (iso in dup_iso) {
  s <- out[out$iso3 == iso, ]
  cat(sprintf("  %s: %s\n", iso, paste(sprintf("%d %s (%s-%s)", s$code, s$name, s$entry_year, s$exit_year), collapse = "; ")))
}

# ---- Check against the legacy Comtrade rows ----
legacy <- read.csv(legacy_rows, check.names = FALSE, colClasses = "character", fileEncoding = "UTF-8-BOM", na.strings = character())
seen <- unique(rbind(
  data.frame(side = "Reporter", code = legacy[["Reporter Code"]], name = legacy[["Reporter"]], iso = legacy[["Reporter ISO"]]),
  data.frame(side = "Partner", code = legacy[["Partner Code"]], name = legacy[["Partner"]], iso = legacy[["Partner ISO"]])))
seen <- seen[order(as.integer(seen$code), seen$side), ]
cat(sprintf("legacy rows (%s): %d (side, code, name, ISO) combinations, %d area codes\n",
            legacy_rows, nrow(seen), length(unique(seen$code))))
missing <- setdiff(as.integer(seen$code), out$code)
if (length(missing) > 0) stop(sprintf("codes of %s not in the table: %s", legacy_rows, paste(missing, collapse = ", ")))
for (i in seq_len(nrow(seen))) {
  a <- out[out$code == as.integer(seen$code[i]), ]
  issues <- c()
  if (seen$name[i] != a$name) issues <- c(issues, sprintf("name '%s' vs table '%s'", seen$name[i], a$name))
  if (seen$iso[i] != a$iso3) issues <- c(issues, sprintf("ISO '%s' vs table iso3 '%s' (comtrade_alpha '%s')", seen$iso[i], a$iso3, a$comtrade_alpha))
  listed <- if (seen$side[i] == "Reporter") a$reporter else a$partner
  if (listed != "true") issues <- c(issues, sprintf("not in the table's %s list", tolower(seen$side[i])))
  if (length(issues) > 0) cat(sprintf("  %s %s: %s\n", seen$side[i], seen$code[i], paste(issues, collapse = "; ")))
}
