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
figures found later by searching stored public pages (see Data/README.md).

All input and output paths are given on the command line; nothing is read from
a fixed location. Reproduce with, from the Data/ directory:

    python3 scripts/build_dprk_china.py \
        --annual  /path/to/dprk_china_annual.csv \
        --monthly /path/to/dprk_china_coal_monthly.csv \
        --sources-md SOURCES.md \
        --additions scripts/additions.csv \
        --additions-sources scripts/additions_sources.csv \
        --out-dir .

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
  * sources.csv gets one row per source_id used, with kind and rank.

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
}
PREFIX_KIND = [
    ("GAC_", "customs"), ("REU_", "customs"), ("KITA_", "kita"),
    ("KOTRA_", "kotra"), ("UN1718_", "un1718"),
]


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
    parts = [int(p) for p in date.split("-")] + [0, 0]
    return (-parts[0], -parts[1], -parts[2])


def report_conflicts(rows: list[dict[str, str]], sources: dict[str, dict[str, str]]) -> None:
    """Print every key and measure where rows disagree, and the row the rule picks."""
    groups = defaultdict(list)
    for row in rows:
        key = (row["period"], row["reporter_iso"], row["partner_iso"], row["flow"], row["hs_code"])
        groups[key].append(row)
    for key, members in groups.items():
        for measure in ("value_usd", "quantity"):
            with_measure = [r for r in members if r[measure] != ""]
            figures = {Decimal(r[measure]) for r in with_measure}
            if len(figures) > 1:
                best = preferred(with_measure, measure, sources)
                listing = "; ".join(f"{r['source_id']}={r[measure]}" for r in with_measure)
                print(f"CONFLICT {'/'.join(key)} {measure}: {listing} -> {best['source_id']}")


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

    sources = parse_sources_md(args.sources_md)
    for extra in read_csv(args.additions_sources):
        if extra["source_id"] in sources:
            raise SystemExit(f"additional source id {extra['source_id']} already in SOURCES.md")
        sources[extra["source_id"]] = extra
    for src in sources.values():
        src["kind"] = src.get("kind") or kind_of(src["source_id"])
        if src["kind"] not in KIND_RANK:
            raise SystemExit(f"{src['source_id']}: unknown kind {src['kind']!r}")
        src["rank"] = str(KIND_RANK[src["kind"]])

    used = sorted({r["source_id"] for r in rows})
    missing = [s for s in used if s not in sources]
    if missing:
        raise SystemExit(f"source ids without a source entry: {missing}")
    unused = sorted(set(sources) - set(used))
    if unused:
        print(f"note: source entries not used by any row (left out of sources.csv): {unused}")

    rows.sort(key=lambda r: (r["period"], r["hs_code"], r["source_id"]))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(args.out_dir / "dprk_china.csv", TIDY_COLUMNS, rows)
    write_csv(args.out_dir / "sources.csv", SOURCE_COLUMNS,
              [{c: sources[s][c] for c in SOURCE_COLUMNS} for s in used])
    print(f"wrote {len(rows)} rows ({len(annual)} annual, {len(monthly)} monthly, "
          f"{len(additions)} additions) and {len(used)} sources")
    report_conflicts(rows, sources)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
