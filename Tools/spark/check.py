#!/usr/bin/env python3
"""`make spark-check`: the Spark driver against `tradescope ... --by` on a store of the same files.

1. The benchmark generator's SYNTHETIC Comtrade+ file (Benchmarks/generate/comtrade_plus.py, seeded;
   --rows, default 100000) is written under the work directory, ingested into a store, and read by
   the driver as Comtrade+ CSV.
2. The real legacy UN Comtrade files of Data/comtrade are ingested into a store and read by the
   driver as they are (legacy layout; tradescope converts the rows with the reader ingest uses).
3. The legacy store's `tradescope export --format ndjson` is read by the driver as the tidy export.

For every analysis, every group's line from Spark must equal the line of `tradescope COMMAND --db
STORE --by ... --format json`, but for selection.source ("stream:stdin" against "db:STORE").
Exit 0 when all are identical, 1 otherwise (the first differences are printed).
"""
import argparse
import collections
import csv
import glob
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr}\n")
        raise SystemExit(1)
    return result.stdout


def ingest(binary, files, db):
    if os.path.exists(db):
        os.remove(db)
    run([binary, "ingest"] + files + ["--db", db])


def plus_analyses(path):
    """Selections with many groups in the synthetic file: the (reporter, partner, flow) with the most
    HS6 codes for --by hs6, and the (reporter, flow, code) with the most partners for --by partner."""
    codes, partners = collections.defaultdict(set), collections.defaultdict(set)
    flows = {"M": "import", "X": "export"}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            flow = flows.get(row["flowCode"])
            if flow is None:
                continue
            codes[(row["reporterISO"], row["partnerISO"], flow)].add(row["cmdCode"])
            partners[(row["reporterISO"], flow, row["cmdCode"])].add(row["partnerISO"])
    (r, p, f), _ = max(codes.items(), key=lambda item: (len(item[1]), item[0]))
    (r2, f2, c2), _ = max(partners.items(), key=lambda item: (len(item[1]), item[0]))
    by_code = f"--by hs6 --reporter {r} --partner {p} --flow {f} --hs TOTAL --freq monthly"
    by_partner = f"--by partner --reporter {r2} --flow {f2} --hs {c2} --freq monthly"
    return [
        f"trend {by_code} --model loglinear",
        f"breaks {by_code} --method pelt",
        f"anomalies {by_partner}",
        f"decompose {by_partner}",
        f"trend {by_partner} --measure unit-price --model theil-sen",
    ]


LEGACY_ANALYSES = [
    "trend --by reporter --partner PRK --flow import --hs 27 --model loglinear",
    "trend --by hs2 --reporter CHN --partner PRK --flow import --hs TOTAL --model theil-sen",
    "breaks --by reporter --partner PRK --flow import --hs 27 --method pelt",
    "anomalies --by reporter --partner PRK --flow export --hs 44",
    "decompose --by reporter --partner PRK --flow import --hs 27 --period 2",
]


def spark_results(out):
    """The driver's CSV output: {analysis: [line, ...]}."""
    found = collections.defaultdict(list)
    for part in sorted(glob.glob(os.path.join(out, "results.csv", "part-*.csv"))):
        with open(part, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                found[row["analysis"]].append(row["result"])
    return found


def compare(name, binary, db, analyses, found):
    failures = 0
    groups = 0
    for analysis in analyses:
        expected = sorted(run([binary] + analysis.split() + ["--db", db, "--format", "json"]).splitlines())
        got = sorted(line.replace('"stream:stdin"', f'"db:{db}"') for line in found.get(analysis, []))
        groups += len(expected)
        same = expected == got
        print(f"  {name}: {analysis}: {len(got)} groups from Spark, {len(expected)} from the store: {'identical' if same else 'DIFFERENT'}")
        if not same:
            failures += 1
            missing = set(expected) - set(got)
            extra = set(got) - set(expected)
            for line in sorted(missing)[:2]:
                print(f"    store only: {line[:300]}")
            for line in sorted(extra)[:2]:
                print(f"    spark only: {line[:300]}")
    return failures, groups


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tradescope", required=True)
    parser.add_argument("--python", default=sys.executable, help="the venv's python (with pyspark)")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "spark"))
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    binary = os.path.abspath(args.tradescope)
    os.makedirs(args.work, exist_ok=True)
    driver = [args.python, os.path.join(HERE, "tradescope_spark.py"), "--tradescope", binary, "--data", os.path.join(ROOT, "Data"),
              "--master", args.master, "--partitions", str(args.partitions)]
    failures = 0
    groups = 0
    started = time.time()

    plus = os.path.join(args.work, f"comtrade_plus_{args.rows}_seed{args.seed}.csv")
    if not os.path.exists(plus):
        run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate", "comtrade_plus.py"), "--rows", str(args.rows), "--seed", str(args.seed), "--out", plus])
    plus_db = os.path.join(args.work, f"plus_{args.rows}.sqlite")
    ingest(binary, [plus], plus_db)
    analyses = plus_analyses(plus)
    out = os.path.join(args.work, "out-plus")
    run(driver + ["--input", plus, "--out", out] + sum((["--analysis", a] for a in analyses), []))
    f, g = compare("comtrade+ (synthetic)", binary, plus_db, analyses, spark_results(out))
    failures, groups = failures + f, groups + g

    legacy = sorted(glob.glob(os.path.join(ROOT, "Data", "comtrade", "*.csv")))
    legacy_db = os.path.join(args.work, "legacy.sqlite")
    ingest(binary, legacy, legacy_db)
    out = os.path.join(args.work, "out-legacy")
    run(driver + sum((["--input", path] for path in legacy), []) + ["--out", out] + sum((["--analysis", a] for a in LEGACY_ANALYSES), []))
    f, g = compare("legacy Comtrade (real)", binary, legacy_db, LEGACY_ANALYSES, spark_results(out))
    failures, groups = failures + f, groups + g

    export = os.path.join(args.work, "legacy_export.ndjson")
    with open(export, "w") as handle:
        handle.write(run([binary, "export", "--db", legacy_db, "--format", "ndjson"]))
    out = os.path.join(args.work, "out-export")
    run(driver + ["--input", export, "--input-format", "ndjson", "--out", out] + sum((["--analysis", a] for a in LEGACY_ANALYSES), []))
    f, g = compare("tidy export NDJSON", binary, legacy_db, LEGACY_ANALYSES, spark_results(out))
    failures, groups = failures + f, groups + g

    print(f"spark-check: {groups} groups compared, {failures} analyses differ, {time.time() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
