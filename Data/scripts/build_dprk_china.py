#!/usr/bin/env python3
"""Build Data/dprk_china.csv and Data/sources.csv for tradescope.

Provenance
----------
This script was run once, by the data worker of the tradescope project,
against read-only copies of the compiled source files that were handed to the
project in a shared directory:

    dprk_china_annual.csv        sha256 287deb114083ee07a928005df16112755e0111f914f70a5beb0a3fa88ddbc69c
    dprk_china_coal_monthly.csv  sha256 710795e10c47c9a9a30086e1aa005d6be1dbca41065417766716e017408d3041
    SOURCES.md                   sha256 3794727d15d234f0516378a6d96a68368f5d42c45ef3b3285df24b373306e90f

(SOURCES.md is kept byte for byte as Data/SOURCES.md.) It also reads two small
files kept next to it, additions.csv and additions_sources.csv, which hold the
figures found later by searching stored public pages (see Data/README.md), and
each batch directory given with --batch: a later compilation handed over as
`dprk_china_additions.csv` (the tidy columns) and `SOURCES.md` (one line per
source), kept byte for byte in Data/scripts/<batch>/:

    additions-2026-12/dprk_china_additions.csv  sha256 005a86652fca5b5fa99a97649ebe5db40d07e055fb3e4fe0f237d7f6980b0472
    additions-2026-12/SOURCES.md                sha256 3c8bf26af48e93979b4c2c02ef2ee3c72a5a6ceaa373020d0597699cd883892c

A batch row is used as it is, except the rows listed in LEFT_OUT (each with
the reason, printed in Data/README.md).

All input and output paths are given on the command line; nothing is read from
a fixed location. Reproduce with, from the Data/ directory:

    python3 scripts/build_dprk_china.py \
        --annual  /path/to/dprk_china_annual.csv \
        --monthly /path/to/dprk_china_coal_monthly.csv \
        --sources-md SOURCES.md \
        --additions scripts/additions.csv \
        --additions-sources scripts/additions_sources.csv \
        --batch scripts/additions-2026-12 \
        --readme README.md \
        --out-dir .

Running it twice gives the same bytes.

What it does (no figure is changed):
  * annual rows get period = year; the columns `commodity` and `hs_level` are
    dropped (hs_level is checked against the code); the commodity words are
    put at the front of `note` only when they say more than the HS code does
    (see COMMODITY_NOTE below; the decision is written out per wording);
  * monthly rows are taken as they are (period YYYY-MM);
  * quantity_unit 'tonnes' becomes 't' (the only unit in the inputs);
  * value_usd and quantity are copied as the same character strings (no
    rounding, no re-formatting); an empty field means missing;
  * hs_code is kept as text ('03' keeps its leading zero; 'TOTAL', '61-62',
    '50-63' are kept);
  * rows are sorted by period, then hs_code, then source_id (stable, so two
    rows of one source for one key keep their input order);
  * the CSV is written with RFC 4180 quoting (only fields that need it are
    quoted, quotes doubled) and CRLF-free '\n' line ends, UTF-8 without BOM;
  * sources.csv gets one row per source_id used, with kind and rank; a batch
    source id that already exists gets the batch's excerpt appended to its
    excerpt (same article, new figure);
  * with --readme, the parts of Data/README.md between
    `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->` are
    rewritten: the counts, the coverage by code and frequency, the conflicts
    (with the remarks of CONFLICT_REMARKS), the monthly gaps and the figures
    left out.

It prints the conflicts (same period, reporter, partner, flow, code and
measure with different figures) and the row the preference rule picks.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

TIDY_COLUMNS = [
    "period", "reporter_iso", "partner_iso", "flow", "hs_code",
    "value_usd", "quantity", "quantity_unit", "source_id", "note",
]
SOURCE_COLUMNS = ["source_id", "rank", "kind", "publisher", "title", "date", "url", "excerpt"]

UNIT_MAP = {"tonnes": "t", "t": "t", "": ""}

# Rank of each kind of source (1 = preferred). See Data/README.md, "Preference rule".
KIND_RANK = {"customs": 1, "comtrade": 2, "un1718": 3, "kita": 4, "kotra": 5, "other": 6, "aggregator": 7}

# Commodity wording of the annual file -> words to keep in `note` (None = the
# wording only restates the HS code and is dropped).
COMMODITY_NOTE = {
    "All commodities": None,
    "Mineral fuels, mineral oils and products of their distillation": None,  # HS 27 title
    "Wood and articles of wood; wood charcoal": None,  # HS 44 title
    "Coal": None,  # HS 2701 is coal
    "Iron ore": None,  # HS 2601
    "Clocks and watches": None,  # HS 91 title
    "Wigs, false eyelashes, beards": None,  # HS 6704
    "False eyelashes and wigs": None,  # HS 6704
    "Anthracite coal": "anthracite",  # narrower than 2701 (subheading 270111)
    "Coal (non-lignite)": "non-lignite coal",
    "Mineral fuels (anthracite etc.)": "mineral fuels (anthracite etc.), KOTRA wording",
    "Anthracite coal (DPRK exports to all partners)": "anthracite; DPRK exports to all partners",
    "Fuel such as coal (DPRK exports to all partners)": "fuel such as coal; DPRK exports to all partners",
    "Coal (DPRK coal exports; partner not stated, NKRI)": "coal; DPRK coal exports, partner not stated (NKRI)",
    "Iron ore (DPRK exports, OEC)": "iron ore; DPRK exports to all partners (OEC)",
    "Mineral solid fuels: coal, lignite (DPRK exports to all partners)":
        "mineral solid fuels: coal, lignite (not all of HS 27); DPRK exports to all partners",
    "Mineral fuels such as coal (DPRK exports to all partners)":
        "mineral fuels such as coal; DPRK exports to all partners",
    "Mineral fuels (DPRK exports to all partners)": "mineral fuels; DPRK exports to all partners",
    "Clothing (DPRK exports to all partners)": "clothing; DPRK exports to all partners",
    "Iron and steel (DPRK exports to all partners)": "DPRK exports to all partners",
    "Fish and crustaceans (DPRK exports to all partners)":
        "fish and crustaceans; DPRK exports to all partners",
    "Textiles (HS section XI; DPRK exports to all partners)":
        "textiles (HS section XI); DPRK exports to all partners",
}

# Kind of every source id (see Data/README.md for the reasons of the less obvious ones).
KIND = {
    "AMERICANENERGY_2017-04": "other",  # no source named for the figure
    "CEIC_NIKKEI_2017": "customs",  # CEIC calculation from GAC data, via Nikkei
    "ITC_VOA_NKCHOSUN_2019": "other",  # ITC Trade Map (aggregator of China-reported data)
    "KBS_CRS_2008": "other",  # US CRS / World Trade Atlas compilation
    "KIEP_UPI_2016": "other",  # KIEP (think-tank) estimate
    "KORES_ENERGYNEWS_2018": "other",  # KORES analysis of GAC data
    "MOFA_AJU_2016-06": "customs",  # ROK official quoting Chinese government data, via Yonhap
    "NEWSPOSTSEVEN_2017-05": "other",
    "NKEW_38N_2023": "other",
    "NKPRO_FIRSTPOST_2023": "customs",
    "NKRI_KMIB_2015-12": "other",
    "NUMERICAL_2017": "aggregator",  # fact-collection page: names no underlying source, no date of the figure
    "PLATTS_KATM_2018": "other",  # OEC figure
    "ST_2024": "customs",
    "UNCT_PMACG": "comtrade",
    "VOA_KITA_2012": "kita",
    "VOA_TECHFIT_2023": "customs",  # VOA reading of GAC data, via an aggregator
    "YONHAP_DAILYNK_2007": "customs",  # GAC monthly bulletin
    # Batch additions-2026-12 (ids without a telling prefix, and prefixes kept on purpose):
    "KDI_JOONGANG_2017-09": "other",  # KDI (think tank) series and China customs, via JoongAng Ilbo
    "NKNEWS_2015-12": "customs",  # NK News reading of Chinese customs data (as NKPRO_FIRSTPOST_2023)
    "NKNEWS_NEWSPIC_2025-12": "customs",  # NK News reading of GAC data, via a summary of Yonhap
    "ITC_VOA_HANKYUNG_2019-12": "other",  # ITC Trade Map (as ITC_VOA_NKCHOSUN_2019)
    "KOTRA_SEDAILY_2016-05": "kotra",  # KOTRA Beijing relaying GAC: KOTRA's rank, as KITA's relays keep KITA's
    "GAC_KBS_CHETECUT_2016-09": "customs",  # GAC table via Yonhap/KBS on a mirror page; its figures add up
    # (exports 336.95 + imports 291.34 = trade 628.29 million) and no other row gives the month
}
PREFIX_KIND = [
    ("GAC_", "customs"), ("REU_", "customs"), ("KITA_", "kita"),
    ("KOTRA_", "kotra"), ("UN1718_", "un1718"),
]


# Batch rows not used: (batch, period, reporter, hs_code, source_id, value_usd, quantity) -> why.
# Each entry must match exactly one batch row; the reasons are printed in Data/README.md.
LEFT_OUT = {
    ("additions-2026-12", "2016", "CHN", "2701", "KITA_YONHAP_2017-09", "1049780000", ""):
        "The source prints '10억4천978달러' (USD 1,000,004,978 as written, missing '만'); the row holds "
        "the compiler's correction to 1,049,780,000. A corrected figure is an altered one, and the "
        "correction is not confirmed: KITA's own 2016 anthracite figure via VOA is '약 11억 달러' "
        "(about 1.1 billion, see Gaps), which the corrected figure does not round to. The 2016 coal "
        "value stays with CEIC (1.18 bn) and 38 North (1.19 bn).",
}

# Remarks printed beside a conflict in Data/README.md, keyed by 'period/reporter/code/measure'.
# A leading '⚠ ' marks a conflict where the rule picks the weaker figure. The script stops when
# a remark names no conflict (so stale remarks cannot stay).
CONFLICT_REMARKS = {
    "2009/CHN/2701/value": "KITA_NEWDAILY_2011 is rounded ('2억 달러').",
    "2010/CHN/2701/value": "⚠ The two KITA figures agree. The rule picks the rounded GAC-via-VOA figure "
        "(3 digits), which may also cover all of 2701 and not only anthracite.",
    "2011/CHN/2701/value": "GAC_VOA_COALHIST counts all coal ('석탄', 3 digits), KITA_AJU_2014 anthracite "
        "only; the all-coal figure is the larger one, as it should be.",
    "2015/CHN/2701/value": "Neither is precise (see Gaps): NEWSPOSTSEVEN is rounded to 0.1 bn and names no "
        "source; NUMERICAL_2017 is an aggregator. The aggregator's figure is also below KITA's "
        "January-November 2015 figure of USD 960 million (voakorea.com/a/3140227.html), so it cannot be "
        "the full-year value of the same flow; the 1.1 bn figure is consistent with it.",
    "2015/CHN/TOTAL/value": "KIEP's figure may have the directions swapped.",
    "2016/CHN/2701/quantity": "Reuters 2017-02-18 counts non-lignite coal; GAC_SPUTNIK_2017 anthracite.",
    "2016-01/CHN/TOTAL/value": "⚠ The rule picks VOA's rounded 'about 1억8천만' (rank 1) over KITA's "
        "177,520,000 (rank 4), which lies within its rounding.",
    "2016-03/CHN/2701/quantity": "AmericanEnergy's figure is interpreted.",
    "2016-04/CHN/2701/value": "Reuters rounds the same figure.",
    "2016-04/CHN/2701/quantity": "Reuters rounds.",
    "2016-08/CHN/2701/value": "KITA's figure is approximate ('약').",
    "2017/CHN/2601/value": "Same KORES release; KORES_ENERGYNEWS_2018 rounds.",
    "2017/CHN/2701/value": "Same KORES release; KORES_ENERGYNEWS_2018 rounds.",
    "2017-01/CHN/2701/quantity": "38 North gives GAC's revised data of 23 March 2017.",
    "2017-02/CHN/2701/value": "Both report 1.23 Mt.",
    "2017-03/CHN/2701/value": "⚠ Reuters' table shows '-', entered as 0. GAC's Q1 2017 total of "
        "2,678,000 t (in SOURCES.md, not a row) exceeds Jan + Feb (1,440,000 + 1,230,000 t), which fits "
        "a small March figure better than a zero. No row was derived from this.",
    "2017-03/CHN/2701/quantity": "⚠ As for the value.",
    "2017-08/CHN/2701/quantity": "Asahi and WSJ tie on rank, digits and month; the source id breaks the tie.",
    "2017-12/CHN/TOTAL/value": "Huanqiu's December date was inferred; GAC/Global Times rounds.",
    "2018-01/CHN/TOTAL/value": "KITA's and GAC's figures differ by more than rounding; both are kept.",
    "2023-04/CHN/6704/value": "VOA's figure is a lower bound ('exceeding').",
    "2023-04/CHN/6704/quantity": "VOA's figure is approximate.",
}


def kind_of(source_id: str) -> str:
    """Return the kind of a source id, from the explicit table or its prefix."""
    if source_id in KIND:
        return KIND[source_id]
    for prefix, kind in PREFIX_KIND:
        if source_id.startswith(prefix):
            return kind
    raise SystemExit(f"no kind known for source id {source_id!r}")


def check_number(text: str, what: str, row_id: str) -> None:
    """Fail unless text is empty or a plain non-negative decimal number."""
    if text == "":
        return
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
        raise SystemExit(f"{row_id}: {what} {text!r} is not a plain number")


def expected_level(hs_code: str) -> str:
    """Return the hs_level the annual file uses for a code (0 total, 2 chapter or range, 4 heading)."""
    if hs_code == "TOTAL":
        return "0"
    if re.fullmatch(r"[0-9]{2}(-[0-9]{2})?", hs_code):
        return "2"
    if re.fullmatch(r"[0-9]{4}", hs_code):
        return "4"
    raise SystemExit(f"unexpected hs_code {hs_code!r}")


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV file (no BOM expected) into dictionaries."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def tidy_annual(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Turn rows of the annual file into tidy rows."""
    out = []
    for number, row in enumerate(rows, start=2):
        row_id = f"annual line {number}"
        if row["hs_level"] != expected_level(row["hs_code"]):
            raise SystemExit(f"{row_id}: hs_level {row['hs_level']} does not match {row['hs_code']}")
        if row["commodity"] not in COMMODITY_NOTE:
            raise SystemExit(f"{row_id}: commodity wording {row['commodity']!r} has no note rule")
        words = COMMODITY_NOTE[row["commodity"]]
        note = row["note"] if words is None else f"commodity: {words}; {row['note']}"
        out.append(tidy_row(row, row["year"], note, row_id))
    return out


def tidy_row(row: dict[str, str], period: str, note: str, row_id: str) -> dict[str, str]:
    """Copy one source row into the tidy columns, checking its fields."""
    for what in ("value_usd", "quantity"):
        check_number(row[what], what, row_id)
    if row["quantity_unit"] not in UNIT_MAP:
        raise SystemExit(f"{row_id}: unknown unit {row['quantity_unit']!r}")
    if (row["quantity"] == "") != (row["quantity_unit"] == ""):
        raise SystemExit(f"{row_id}: quantity and unit must be both present or both empty")
    if row["value_usd"] == "" and row["quantity"] == "":
        raise SystemExit(f"{row_id}: row has neither value nor quantity")
    if not re.fullmatch(r"[0-9]{4}(-(0[1-9]|1[0-2]))?", period):
        raise SystemExit(f"{row_id}: bad period {period!r}")
    return {
        "period": period,
        "reporter_iso": row["reporter_iso"],
        "partner_iso": row["partner_iso"],
        "flow": row["flow"],
        "hs_code": row["hs_code"],
        "value_usd": row["value_usd"],
        "quantity": row["quantity"],
        "quantity_unit": UNIT_MAP[row["quantity_unit"]],
        "source_id": row["source_id"],
        "note": note,
    }


def parse_sources_md(path: Path) -> dict[str, dict[str, str]]:
    """Parse the '- `ID` | title | publisher | date | URL | rows | excerpt' lines of SOURCES.md."""
    sources = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" | ")
        if len(parts) != 7:
            raise SystemExit(f"SOURCES.md line does not have 7 fields: {line[:80]}")
        source_id = parts[0].strip("`")
        excerpt = parts[6]
        if excerpt.startswith("excerpt: "):
            excerpt = excerpt[len("excerpt: "):]
        sources[source_id] = {
            "source_id": source_id,
            "title": parts[1],
            "publisher": parts[2],
            "date": iso_date(parts[3]),
            "url": parts[4],
            "excerpt": excerpt,
        }
    return sources


def iso_date(text: str) -> str:
    """Return the YYYY, YYYY-MM or YYYY-MM-DD date in a SOURCES.md date field."""
    match = re.search(r"\(([0-9]{4}-[0-9]{2}-[0-9]{2})\)", text)  # 'commit be9abec (2020-09-25)'
    if match and text.startswith("commit"):
        return match.group(1)
    match = re.match(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", text)
    if not match:
        raise SystemExit(f"no date in {text!r}")
    return match.group(0)


def read_batch_sources(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Parse a batch SOURCES.md.

    New sources: '- `ID` | publisher | title | date | URL | rows | excerpt(s)'.
    Reused ids: '- `ID` (already in sources.csv...) | rows added | excerpt'.
    Returns the new sources and, for reused ids, the excerpt to append. The excerpt
    is the quoted text and the url the first address; a trailing remark of the
    compiler in parentheses is left out of both (it stays in the kept SOURCES.md).
    A date given as 'undated ...' becomes '' (the rule then counts it as the earliest).
    """
    new, reused = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" | ")
        source_id = parts[0].split("`")[1]
        if len(parts) == 7:
            date = "" if parts[3].startswith("undated") else iso_date(parts[3])
            new[source_id] = {
                "source_id": source_id,
                "publisher": parts[1],
                "title": parts[2],
                "date": date,
                "url": address(parts[4], source_id),
                "excerpt": quoted_part(parts[6], source_id),
            }
        elif len(parts) == 3 and "already in sources.csv" in parts[0]:
            reused[source_id] = quoted_part(parts[2], source_id)
        else:
            raise SystemExit(f"{path}: line does not have 7 (new) or 3 (reused) fields: {line[:80]}")
    return new, reused


def address(text: str, source_id: str) -> str:
    """The address of a batch SOURCES.md URL field, without a trailing '(same text: ...)' remark."""
    url = text.split(" ")[0]
    if not re.match(r"https?://", url) or (url != text and not text[len(url):].startswith(" (")):
        raise SystemExit(f"{source_id}: URL field does not start with an address: {text[:60]!r}")
    return url


def quoted_part(text: str, source_id: str) -> str:
    """The quoted excerpt(s) of a batch SOURCES.md field, without a trailing '(remark)'."""
    match = re.fullmatch(r'(".*?")( \(.*\))?', text)
    if not match or not match.group(1).endswith('"'):
        raise SystemExit(f"{source_id}: excerpt field is not quoted text: {text[:60]!r}")
    return match.group(1)


def significant_digits(text: str) -> int:
    """Number of significant digits of a figure as written (trailing zeros of integers don't count)."""
    digits = text.replace(".", "").lstrip("0")
    if "." not in text:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def preferred(rows: list[dict[str, str]], measure: str, sources: dict[str, dict[str, str]]) -> dict[str, str]:
    """Apply the preference rule: lowest rank, then most significant digits, then latest date,
    then (only to make the choice deterministic) the alphabetically first source id."""
    def key(row: dict[str, str]):
        src = sources[row["source_id"]]
        return (int(src["rank"]), -significant_digits(row[measure]), _neg_date(src["date"]), row["source_id"])
    return sorted(rows, key=key)[0]


def _neg_date(date: str) -> tuple[int, ...]:
    """Sort key putting later dates first; an undated source ('') counts as the earliest."""
    parts = [int(p) for p in date.split("-")] + [0, 0] if date else [0, 0, 0]
    return (-parts[0], -parts[1], -parts[2])


def find_conflicts(rows: list[dict[str, str]], sources: dict[str, dict[str, str]]) -> list[tuple]:
    """Every key and measure where rows disagree: (key, measure, rows, preferred row), in row order."""
    groups = defaultdict(list)
    for row in rows:
        key = (row["period"], row["reporter_iso"], row["partner_iso"], row["flow"], row["hs_code"])
        groups[key].append(row)
    conflicts = []
    for key, members in groups.items():
        for measure in ("value_usd", "quantity"):
            with_measure = [r for r in members if r[measure] != ""]
            figures = {Decimal(r[measure]) for r in with_measure}
            if len(figures) > 1:
                conflicts.append((key, measure, with_measure, preferred(with_measure, measure, sources)))
    return conflicts


def report_conflicts(conflicts: list[tuple]) -> None:
    """Print every key and measure where rows disagree, and the row the rule picks."""
    for key, measure, members, best in conflicts:
        listing = "; ".join(f"{r['source_id']}={r[measure]}" for r in members)
        print(f"CONFLICT {'/'.join(key)} {measure}: {listing} -> {best['source_id']}")


def check_no_duplicates(rows: list[dict[str, str]]) -> None:
    """Stop when one source gives the same measure twice for one key (a figure entered twice)."""
    seen = set()
    for row in rows:
        for measure in ("value_usd", "quantity"):
            if row[measure] == "":
                continue
            key = (row["period"], row["reporter_iso"], row["partner_iso"], row["flow"], row["hs_code"],
                   row["source_id"], measure)
            if key in seen:
                raise SystemExit(f"{'/'.join(key)}: the same source gives this measure twice")
            seen.add(key)


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# The window of the monthly coal series the report and the tests look at.
COAL_WINDOW = ("2009-08", "2017-11")


def grouped(text: str) -> str:
    """A figure as written, with thousands separators in its integer part."""
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def code_order(code: str) -> tuple:
    """TOTAL first, then codes as text ('03' < '2601' < '50-63' < '61-62' < '62')."""
    return (code != "TOTAL", code)


def month_ranges(months: list[int]) -> str:
    """'Jan-Jun, Aug-Nov' for the months present (1-12)."""
    spans, start = [], None
    for m in range(1, 14):
        if m <= 12 and m in months:
            start = m if start is None else start
        elif start is not None:
            spans.append(MONTHS[start - 1] if start == m - 1 else f"{MONTHS[start - 1]}-{MONTHS[m - 2]}")
            start = None
    return ", ".join(spans)


def months_between(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last, inclusive."""
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def summary_text(rows, counts, sources_used) -> str:
    """The row counts of the generated data set."""
    annual = sum(1 for r in rows if len(r["period"]) == 4)
    world = sum(1 for r in rows if r["reporter_iso"] == "WLD")
    parts = [f"{n} from {name}" for name, n in counts]
    return (f"`dprk_china.csv` has {len(rows)} rows: {annual} annual and {len(rows) - annual} monthly; "
            f"{world} of them are `WLD` rows (DPRK exports to all partners). By input: {', '.join(parts)}. "
            f"`sources.csv` has {sources_used} sources.")


def coverage_table(rows) -> str:
    """Rows, distinct periods and first and last period by code, reporter and frequency."""
    groups = defaultdict(list)
    for r in rows:
        frequency = "annual" if len(r["period"]) == 4 else "monthly"
        groups[(r["hs_code"], r["reporter_iso"], frequency)].append(r)
    lines = ["| Code | Reporter | Frequency | Rows | Periods | First | Last | Periods with value / with quantity |",
             "|---|---|---|---:|---:|---|---|---|"]
    for (code, reporter, frequency) in sorted(groups, key=lambda k: (code_order(k[0]), k[1], k[2])):
        members = groups[(code, reporter, frequency)]
        periods = sorted({r["period"] for r in members})
        with_value = len({r["period"] for r in members if r["value_usd"] != ""})
        with_quantity = len({r["period"] for r in members if r["quantity"] != ""})
        lines.append(f"| `{code}` | {reporter} | {frequency} | {len(members)} | {len(periods)} | "
                     f"{periods[0]} | {periods[-1]} | {with_value} / {with_quantity} |")
    return "\n".join(lines)


def conflicts_table(conflicts, sources) -> str:
    """One line per conflict: the figures (preferred one in bold, with an arrow) and the remark."""
    lines = ["| Period / code / measure | Figures (source id, rank, figure; → the rule's pick) | Remark |",
             "|---|---|---|"]
    used_remarks = set()
    def order(conflict):
        key, measure = conflict[0], conflict[1]
        return (key[0], key[1], code_order(key[4]), measure != "value_usd")
    for key, measure, members, best in sorted(conflicts, key=order):
        period, reporter, _, _, code = key
        name = "value" if measure == "value_usd" else "quantity"
        remark_key = f"{period}/{reporter}/{code}/{name}"
        remark = CONFLICT_REMARKS.get(remark_key, "")
        if remark:
            used_remarks.add(remark_key)
        flag = " ⚠" if remark.startswith("⚠") else ""
        unit = f" {members[0]['quantity_unit']}" if measure == "quantity" else ""
        figures = []
        for r in members:
            text = f"{r['source_id']} ({sources[r['source_id']]['rank']}) {grouped(r[measure])}{unit}"
            figures.append(f"**→ {text}**" if r is best else text)
        where = period if reporter == "CHN" else f"{period} {reporter}"
        lines.append(f"| {where} / `{code}` / {name}{flag} | {'; '.join(figures)} | {remark.removeprefix('⚠ ')} |")
    stale = sorted(set(CONFLICT_REMARKS) - used_remarks)
    if stale:
        raise SystemExit(f"CONFLICT_REMARKS name no conflict: {stale}")
    return "\n".join(lines)


def monthly_table(rows) -> str:
    """The months present per year for each code with China's monthly rows, and the coal window count."""
    months = defaultdict(lambda: defaultdict(set))
    for r in rows:
        if len(r["period"]) == 7 and r["reporter_iso"] == "CHN":
            months[r["hs_code"]][int(r["period"][:4])].add(int(r["period"][5:]))
    lines = ["| Code | Year | Months present (CHN) | Count |", "|---|---|---|---:|"]
    for code in sorted(months, key=code_order):
        for year in sorted(months[code]):
            present = sorted(months[code][year])
            lines.append(f"| `{code}` | {year} | {month_ranges(present)} | {len(present)} |")
    window = months_between(*COAL_WINDOW)
    have = {f"{y:04d}-{m:02d}" for y, ms in months["2701"].items() for m in ms}
    count = sum(1 for m in window if m in have)
    lines.append("")
    lines.append(f"Monthly `2701` from {COAL_WINDOW[0]} to {COAL_WINDOW[1]}: {count} of {len(window)} months "
                 f"have a figure (value or quantity); the other {len(window) - count} are gaps.")
    return "\n".join(lines)


def left_out_table(left_out) -> str:
    """The batch rows not used, with the reason."""
    if not left_out:
        return "No batch row was left out."
    lines = ["| Batch | Period | Reporter | Code | Source | Value (USD) | Quantity | Why left out |",
             "|---|---|---|---|---|---:|---:|---|"]
    for (batch, period, reporter, code, source_id, value, quantity), reason in sorted(left_out.items()):
        lines.append(f"| {batch} | {period} | {reporter} | `{code}` | {source_id} | "
                     f"{grouped(value) if value else ''} | {grouped(quantity) if quantity else ''} | {reason} |")
    return "\n".join(lines)


def rewrite_readme(path: Path, parts: dict[str, str]) -> None:
    """Replace the text between the BEGIN/END GENERATED markers of each named part."""
    text = path.read_text(encoding="utf-8")
    for name, body in parts.items():
        begin, end = f"<!-- BEGIN GENERATED: {name} -->", f"<!-- END GENERATED: {name} -->"
        if text.count(begin) != 1 or text.count(end) != 1:
            raise SystemExit(f"{path}: needs exactly one '{begin}' and one '{end}'")
        head, rest = text.split(begin)
        _, tail = rest.split(end)
        text = f"{head}{begin}\n{body}\n{end}{tail}"
    path.write_text(text, encoding="utf-8", newline="")


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows with minimal RFC 4180 quoting, UTF-8, '\\n' line ends."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annual", type=Path, required=True)
    parser.add_argument("--monthly", type=Path, required=True)
    parser.add_argument("--sources-md", type=Path, required=True)
    parser.add_argument("--additions", type=Path, required=True)
    parser.add_argument("--additions-sources", type=Path, required=True)
    parser.add_argument("--batch", type=Path, action="append", default=[],
                        help="a directory with dprk_china_additions.csv and SOURCES.md (repeatable)")
    parser.add_argument("--readme", type=Path, help="Data/README.md, whose generated parts are rewritten")
    parser.add_argument("--out-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    annual = read_csv(args.annual)
    monthly = read_csv(args.monthly)
    additions = read_csv(args.additions)

    rows = tidy_annual(annual)
    rows += [tidy_row(r, r["period"], r["note"], f"monthly line {i}") for i, r in enumerate(monthly, start=2)]
    rows += [tidy_row(r, r["period"], r["note"], f"additions line {i}") for i, r in enumerate(additions, start=2)]
    if len(rows) != len(annual) + len(monthly) + len(additions):
        raise SystemExit("row count changed")
    counts = [("the annual file", len(annual)), ("the monthly coal file", len(monthly)),
              ("scripts/additions.csv", len(additions))]

    sources = parse_sources_md(args.sources_md)
    for extra in read_csv(args.additions_sources):
        if extra["source_id"] in sources:
            raise SystemExit(f"additional source id {extra['source_id']} already in SOURCES.md")
        sources[extra["source_id"]] = extra

    left_out_matched = set()
    for batch in args.batch:
        name = batch.name
        new_sources, reused = read_batch_sources(batch / "SOURCES.md")
        for source_id, entry in new_sources.items():
            if source_id in sources:
                raise SystemExit(f"{name}: new source id {source_id} already exists")
            sources[source_id] = entry
        for source_id, excerpt in reused.items():
            if source_id not in sources:
                raise SystemExit(f"{name}: reused source id {source_id} does not exist")
            sources[source_id] = dict(sources[source_id], excerpt=f"{sources[source_id]['excerpt']}; {excerpt}")
        batch_rows = read_csv(batch / "dprk_china_additions.csv")
        kept = 0
        for i, r in enumerate(batch_rows, start=2):
            key = (name, r["period"], r["reporter_iso"], r["hs_code"], r["source_id"], r["value_usd"], r["quantity"])
            if key in LEFT_OUT:
                if key in left_out_matched:
                    raise SystemExit(f"{name} line {i}: LEFT_OUT entry matches two rows")
                left_out_matched.add(key)
                continue
            rows.append(tidy_row(r, r["period"], r["note"], f"{name} line {i}"))
            kept += 1
        counts.append((f"scripts/{name} ({kept} of {len(batch_rows)}; "
                       f"{len(batch_rows) - kept} left out, see below)", kept))
    unmatched = sorted(set(LEFT_OUT) - left_out_matched)
    if unmatched:
        raise SystemExit(f"LEFT_OUT entries that match no batch row: {unmatched}")

    for src in sources.values():
        src["kind"] = src.get("kind") or kind_of(src["source_id"])
        if src["kind"] not in KIND_RANK:
            raise SystemExit(f"{src['source_id']}: unknown kind {src['kind']!r}")
        src["rank"] = str(KIND_RANK[src["kind"]])
        if not src["excerpt"].strip():
            raise SystemExit(f"{src['source_id']}: empty excerpt")

    used = sorted({r["source_id"] for r in rows})
    missing = [s for s in used if s not in sources]
    if missing:
        raise SystemExit(f"source ids without a source entry: {missing}")
    unused = sorted(set(sources) - set(used))
    if unused:
        print(f"note: source entries not used by any row (left out of sources.csv): {unused}")
    check_no_duplicates(rows)

    rows.sort(key=lambda r: (r["period"], r["hs_code"], r["source_id"]))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(args.out_dir / "dprk_china.csv", TIDY_COLUMNS, rows)
    write_csv(args.out_dir / "sources.csv", SOURCE_COLUMNS,
              [{c: sources[s][c] for c in SOURCE_COLUMNS} for s in used])
    print(f"wrote {len(rows)} rows ({', '.join(f'{n} {what}' for what, n in counts)}) and {len(used)} sources")
    conflicts = find_conflicts(rows, sources)
    report_conflicts(conflicts)
    if args.readme:
        rewrite_readme(args.readme, {
            "summary": summary_text(rows, counts, len(used)),
            "coverage": coverage_table(rows),
            "conflicts": conflicts_table(conflicts, sources),
            "monthly": monthly_table(rows),
            "left-out": left_out_table(LEFT_OUT),
        })
        print(f"rewrote the generated parts of {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
