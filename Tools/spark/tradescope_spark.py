#!/usr/bin/env python3
"""Runs a tradescope `--by` analysis over trade files as a Spark job (issue 19).

Spark reads the files with its own CSV or JSON reader (CSV.gz too), keeps the total rows the way
`tradescope ingest` does, repartitions by the group key, sorts each partition by it, and pipes each
partition through

    tradescope COMMAND --by KEY ... --input - --input-format csv|ndjson

which writes one NDJSON line per group as soon as the group is complete. The lines become a
DataFrame (command, by, group, error, result) written as Parquet and CSV under --out.

Inputs (told apart by their header, as tradescope does):
  * UN Comtrade+ CSV / CSV.gz (the 47 fields, bulk files with datasetCode too),
  * legacy UN Comtrade CSV (the 22-column API layout and the 35-column bulk layout),
  * the tidy long export (`tradescope export --format csv` or `--format ndjson`).
The Comtrade rows are piped in their own columns: tradescope converts them with the reader `ingest`
uses (periods, flows, unit codes, areas), so no second conversion lives here. Spark only filters
the breakdown rows out (they are not totals; ingest rejects them) and routes rows by group key.

The tradescope binary and its Data directory (profile, sources, sanctions calendar) reach the
executors through SparkContext.addFile, so the same script runs on a cluster (README.md).

Usage:
  tradescope_spark.py --tradescope .build/release/tradescope --data Data --out OUT \\
      --input 'comtrade/*.csv.gz' -- trend --by hs6 --reporter CHN --partner PRK --flow import --model loglinear
"""
import argparse
import csv
import io
import json
import shlex
import os
import subprocess
import sys
import threading
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions as F, types as T

PLUS_TOTALS = {"partner2Code": ("0",), "customsCode": ("C00",), "motCode": ("0",)}
LEGACY_TOTALS = {"2nd Partner Code": ("0",), "Customs Proc. Code": ("0", "C00"), "Mode of Transport Code": ("0",)}

# Columns holding the record side of each grouping, per layout.
KEY_COLUMNS = {
    "comtrade-plus": {"code": "cmdCode", "reporter": "reporterISO", "partner": "partnerISO",
                      "reporter_code": "reporterCode", "partner_code": "partnerCode", "period": "period"},
    "comtrade-legacy": {"code": "Commodity Code", "reporter": "Reporter ISO", "partner": "Partner ISO",
                        "reporter_code": "Reporter Code", "partner_code": "Partner Code", "period": "Period"},
    "export": {"code": "hs_code", "reporter": "reporter_iso", "partner": "partner_iso",
               "reporter_code": "reporter_code", "partner_code": "partner_code", "period": "period"},
}
# The long export's record key: with the arrival order after it, the rows of one record stay next to each other.
EXPORT_RECORD_KEY = ["period", "reporter_key", "reporter_iso", "reporter_code", "partner_key", "partner_iso", "partner_code", "flow", "hs_code", "classification", "source"]


def layout_of(columns):
    names = set(c.strip() for c in columns)
    if {"partner2Code", "customsCode", "motCode", "cmdCode", "primaryValue"} <= names:
        return "comtrade-plus"
    if {"Commodity Code", "Trade Flow Code", "Reporter ISO", "Partner ISO"} <= names:
        return "comtrade-legacy"
    if {"period", "reporter_iso", "partner_iso", "hs_code", "measure", "value"} <= names:
        return "export"
    raise SystemExit(f"tradescope_spark: unknown layout (columns {sorted(names)[:12]}...)")


def option(args, name):
    """The value of a tradescope flag in the pass-through arguments, or None."""
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def group_key_column(df, layout, grouping, mirror):
    """The group key of each row, as tradescope's Grouping.key(of:) sees it on the record side
    (under --mirror the user's partner is the records' reporter). Rows whose code is coarser than
    the level get a shorter key; tradescope drops them from every group, so where they land does
    not matter."""
    columns = KEY_COLUMNS[layout]
    if grouping in ("hs6", "hs4", "hs2"):
        return F.substring(F.col(f"`{columns['code']}`"), 1, int(grouping[2:]) * 1)
    side = grouping
    if mirror:
        side = {"partner": "reporter", "reporter": "partner"}[grouping]
    # An export carries the store's series key (reporter_key/partner_key): group by it when present.
    if layout == "export" and f"{side}_key" in df.columns:
        return F.col(f"`{side}_key`")
    iso = F.col(f"`{columns[side]}`")
    numeric = columns[side + "_code"]
    if numeric is None:
        return iso
    # An area without an ISO code is keyed by its numeric code, as the readers do.
    return F.when(iso.isNull() | (F.trim(iso) == ""), F.col(f"`{numeric}`")).otherwise(iso)


def keep_totals(df, layout):
    """The total rows only: second partner 0 (or empty), customs procedure C00, mode of transport 0
    (ComtradePlusReader / ComtradeLegacyReader reject the others as breakdowns)."""
    rules = PLUS_TOTALS if layout == "comtrade-plus" else LEGACY_TOTALS if layout == "comtrade-legacy" else {}
    for column, totals in rules.items():
        if column in df.columns:
            c = F.col(f"`{column}`")
            df = df.filter(c.isNull() | (F.trim(c) == "") | F.trim(c).isin(*totals))
    return df


def run_tradescope(command_args, input_format, header):
    """The function each partition runs: the rows go to tradescope's standard input (a thread
    writes them, so a full pipe cannot block), its NDJSON lines come back. A failing run fails the
    task with tradescope's message."""

    def partition(rows):
        binary = SparkFiles.get("tradescope")
        env = dict(os.environ, TRADESCOPE_DATA=SparkFiles.get("Data"), NO_COLOR="1", OPENBLAS_NUM_THREADS="1")
        process = subprocess.Popen([binary] + command_args + ["--input", "-", "--input-format", input_format],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        failure = []

        def feed():
            try:
                out = io.TextIOWrapper(process.stdin, encoding="utf-8", newline="")
                if header is not None:
                    writer = csv.writer(out, lineterminator="\n")
                    writer.writerow(header)
                    for row in rows:
                        writer.writerow(["" if value is None else value for value in row])
                else:
                    for row in rows:
                        out.write(row + "\n")
                out.close()
            except BaseException as error:  # reported with the task's failure
                failure.append(error)
                try:
                    process.stdin.close()
                except OSError:
                    pass

        errors = []
        drain = threading.Thread(target=lambda: errors.append(process.stderr.read().decode("utf-8", "replace")), daemon=True)
        drain.start()
        writer_thread = threading.Thread(target=feed, daemon=True)
        writer_thread.start()
        for line in process.stdout:
            yield line.decode("utf-8").rstrip("\n")
        writer_thread.join()
        status = process.wait()
        drain.join()
        if status != 0 or failure:
            raise RuntimeError(f"tradescope exited {status}: {''.join(errors).strip()} {failure}")
        if errors and errors[0].strip():
            sys.stderr.write(errors[0])

    return partition


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tradescope", required=True, help="the tradescope binary (shipped to the executors with addFile)")
    parser.add_argument("--data", required=True, help="tradescope's Data directory (profile, sources, calendar; shipped with addFile)")
    parser.add_argument("--input", action="append", required=True, help="trade files or globs (CSV, CSV.gz, NDJSON export); repeatable")
    parser.add_argument("--input-format", choices=["csv", "ndjson"], default="csv", help="csv (Comtrade+, legacy, export CSV) or ndjson (export NDJSON)")
    parser.add_argument("--out", required=True, help="output directory: results.parquet and results.csv")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--multiline", action="store_true", help="CSV fields may hold line breaks (reads each file whole, unsplit)")
    parser.add_argument("--partitions", type=int, default=None, help="partitions of the grouped data (default: Spark's shuffle partitions)")
    parser.add_argument("tradescope_args", nargs=argparse.REMAINDER, help="-- COMMAND --by KEY [flags]: the tradescope analysis")
    parser.add_argument("--analysis", action="append", default=[],
                        help="an analysis as one string, e.g. 'trend --by hs6 --model loglinear'; repeatable (one job reads the input once)")
    args = parser.parse_args(argv)
    analyses = [shlex.split(text) for text in args.analysis]
    rest = [a for a in args.tradescope_args if a != "--"]
    if rest:
        analyses.append(rest)
    if not analyses:
        parser.error("give the analysis after -- (trend|breaks|anomalies|decompose --by KEY [flags]) or with --analysis")
    for command_args in analyses:
        if command_args[0] not in ("trend", "breaks", "anomalies", "decompose"):
            parser.error(f"{' '.join(command_args)}: the analysis is trend, breaks, anomalies or decompose")
        if option(command_args, "--by") not in ("hs6", "hs4", "hs2", "partner", "reporter"):
            parser.error(f"{' '.join(command_args)}: the analysis needs --by hs6, hs4, hs2, partner or reporter")

    builder = SparkSession.builder.appName("tradescope_spark")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.tradescope))
    sc.addFile(os.path.abspath(args.data), recursive=True)
    started = time.time()

    if args.input_format == "ndjson":
        source = spark.read.json(args.input, primitivesAsString=True)
    else:
        source = spark.read.csv(args.input, header=True, inferSchema=False, multiLine=args.multiline, escape='"', encoding="UTF-8")
    # A byte-order mark would stick to the first column's name.
    source = source.toDF(*[c.lstrip("\ufeff").strip() for c in source.columns])
    layout = layout_of(source.columns)
    source = keep_totals(source, layout)
    # The arrival order, so that a repeated record reaches tradescope after the one it replaces
    # (later rows win, as in ingest; see README.md for split files).
    source = source.withColumn("__row", F.monotonically_increasing_id())
    if len(analyses) > 1:
        source = source.cache()
    partitions = args.partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))
    columns = [c for c in source.columns if c != "__row"]
    schema = T.StructType([T.StructField(name, T.StringType()) for name in ("analysis", "command", "by", "group", "error", "result")])
    results = None
    for command_args in analyses:
        grouping = option(command_args, "--by")
        df = source.withColumn("__group", group_key_column(source, layout, grouping, "--mirror" in command_args))
        order = ["__group"] + ([c for c in EXPORT_RECORD_KEY if c in columns] if layout == "export" else [KEY_COLUMNS[layout]["period"]]) + ["__row"]
        df = df.repartition(partitions, "__group").sortWithinPartitions(*order)
        if args.input_format == "ndjson":
            # Back to one JSON object per line (tradescope reads numbers or numeric text).
            # ignoreNullFields off: a null (reporter_iso of an area without ISO3) stays in the object, as the export wrote it.
            rows = df.select(F.to_json(F.struct(*[F.col(f"`{c}`") for c in columns]), {"ignoreNullFields": "false"}).alias("line")).rdd.map(lambda r: r[0])
            header = None
        else:
            rows = df.select(*[F.col(f"`{c}`") for c in columns]).rdd.map(tuple)
            header = columns
        lines = rows.mapPartitions(run_tradescope(command_args, args.input_format, header))
        label, command = " ".join(command_args), command_args[0]

        def parse(line, label=label, command=command, grouping=grouping):
            record = json.loads(line)
            return (label, command, grouping, record.get("group"), record.get("error"), line)

        frame = spark.createDataFrame(lines.map(parse), schema)
        results = frame if results is None else results.unionByName(frame)
    results = results.cache()
    count = results.count()
    os.makedirs(args.out, exist_ok=True)
    results.write.mode("overwrite").parquet(os.path.join(args.out, "results.parquet"))
    results.coalesce(1).write.mode("overwrite").option("header", True).option("escape", '"').csv(os.path.join(args.out, "results.csv"))
    elapsed = time.time() - started
    sys.stderr.write(f"tradescope_spark: {len(analyses)} analyses, {count} groups, layout {layout}, {partitions} partitions, "
                     f"master {sc.master}, {elapsed:.1f} s\n")
    with open(os.path.join(args.out, "run.json"), "w") as out:
        json.dump({"analyses": [" ".join(a) for a in analyses], "groups": count, "layout": layout, "partitions": partitions,
                   "master": sc.master, "seconds": round(elapsed, 3), "inputs": args.input}, out, indent=1)
    spark.stop()


if __name__ == "__main__":
    main()
