#!/usr/bin/env python3
"""Store queries (issue 16): one monthly series and an `export --hs 27`-like selection, read through
`TradeStore.forEachRow` (the `StoreQuery` release driver, one process per query as a command runs it) and
by the `sqlite3` CLI on the store's `trade_records` view with the same selection.

Inputs: the generator's SYNTHETIC Comtrade+ file (`generate/comtrade_plus.py`, seed 20261129) rewritten
period-major, as Comtrade+ downloads and bulk files come: the rows sorted by period, then reporter code
(a stable sort, so each reporter-period block keeps the file's series order). One store per size, ingested
from that file by `StoreQuery ingest` (kept in `data/` between runs).

Each query runs once to warm the page cache, then `--runs` times; the median wall time (from this script,
so it includes starting `/usr/bin/time` and `sh`, the same for both tools) and peak resident memory of the
process (`/usr/bin/time -f %M`) are reported, with the query's own time measured inside the driver (open +
query). The row counts of both tools must agree.

Usage: python3 Benchmarks/store_query.py [--sizes 500000,2000000,8000000] [--runs 5]
(after `swift build -c release --product StoreQuery` in Benchmarks/).
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
DRIVER = os.path.join(HERE, ".build", "release", "StoreQuery")
FLOWS = {"M": "import", "X": "export"}


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, **kwargs)


def period_major(rows):
    source = os.path.join(DATA, f"comtrade_plus_{rows}.csv")
    target = os.path.join(DATA, f"comtrade_plus_{rows}_period_major.csv")
    if not os.path.exists(source):
        run([sys.executable, os.path.join(HERE, "generate", "comtrade_plus.py"), "--rows", str(rows), "--out", source])
    if not os.path.exists(target):
        # Fields 6 (period, YYYYMM) and 7 (reporterCode) come before any quoted field.
        run(["sh", "-c", f"(head -1 '{source}'; tail -n +2 '{source}' | LC_ALL=C sort -s -t, -k6,6 -k7,7n -S 1G -T '{DATA}') > '{target}.tmp'"
             f" && mv '{target}.tmp' '{target}'"])
    return source, target


def store(rows, csv_path):
    path = os.path.join(DATA, f"store_{rows}_period_major.sqlite")
    if not os.path.exists(path):
        start = time.time()
        out = run([DRIVER, "ingest", csv_path, path + ".tmp"], capture_output=True, text=True).stdout.strip()
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + ".tmp" + suffix):
                raise SystemExit(f"{path}.tmp{suffix} left behind")
        os.rename(path + ".tmp", path)
        print(f"built {path}: {out} ({time.time() - start:.1f} s wall)", file=sys.stderr)
    return path


def first_series(csv_path):
    """Reporter, partner, flow and code of the file's first series (the generator's series 0)."""
    with open(csv_path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        row = dict(zip(header, next(reader)))
    return row["reporterISO"], row["partnerISO"], FLOWS[row["flowCode"]], row["cmdCode"]


def timed(shell_command, runs):
    """Median wall seconds and peak RSS (MiB) of the command (its processes), its last stdout and every run's."""
    walls, peaks, cpus, outs = [], [], [], []
    for index in range(runs + 1):
        began = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", "/tmp/store_query_time", "sh", "-c", shell_command],
                                capture_output=True, text=True, check=True)
        wall = time.perf_counter() - began
        peak, user, system = open("/tmp/store_query_time").read().split()[-3:]
        if index > 0:  # the first run warms the page cache
            walls.append(float(wall))
            peaks.append(int(peak) / 1024)
            cpus.append(float(user) + float(system))
            outs.append(result.stdout)
    return statistics.median(walls), statistics.median(peaks), outs[-1], outs, statistics.median(cpus)


def cli_store(binary, rows, csv_path):
    """A store ingested by the CLI itself (`tradescope ingest`), built once."""
    path = os.path.join(DATA, f"store_cli_{rows}_period_major.sqlite")
    if not os.path.exists(path):
        start = time.time()
        run([binary, "ingest", csv_path, "--db", path + ".tmp"], capture_output=True, text=True)
        os.rename(path + ".tmp", path)
        print(f"built {path} ({time.time() - start:.1f} s wall)", file=sys.stderr)
    return path


def cli_main(args):
    """The commands themselves (`--cli BIN`, a release build of tradescope): `series` of one monthly series and
    `trend --by hs6` over HS 27 of one country pair, against sqlite3 reading the same rows."""
    table = []
    for rows in [int(size) for size in args.sizes.split(",")]:
        source, ordered = period_major(rows)
        path = cli_store(args.cli, rows, ordered)
        reporter, partner, flow, code = first_series(source)
        pair = ["--reporter", reporter, "--partner", partner, "--flow", flow]
        where_pair = f"reporter_key = '{reporter}' AND partner_key = '{partner}' AND flow = '{flow}'"
        monthly = " AND length(period) = 7 AND substr(period, 6, 1) <> 'Q'"
        label = f"{rows / 1e6:g}M rows, {os.path.getsize(path) / 1e6:.0f} MB store"
        start = timed(f"{args.cli} --version", args.runs)
        table.append(("(`tradescope --version`: the process's start and exit)", label, start, None))
        series = timed(" ".join([args.cli, "series", "--db", path] + pair + ["--hs", code, "--freq", "monthly", "--format", "csv"]), args.runs)
        peer = timed(f"sqlite3 '{path}' \"SELECT * FROM trade_records WHERE {where_pair} AND hs_code = '{code}'{monthly}\"", args.runs)
        periods = len(series[2].splitlines()) - 1
        table.append((f"`series` one monthly series ({reporter} {partner} {flow} {code}, {periods} periods; sqlite3: its "
                      f"{len(peer[2].splitlines())} records)", label, series, peer))
        hs27 = "(hs_code = '27' OR (hs_code >= '270' AND hs_code < '27:'))"
        trend = timed(" ".join([args.cli, "trend", "--db", path] + pair + ["--hs", "27", "--by", "hs6", "--freq", "monthly",
                                                                             "--model", "loglinear", "--format", "csv", "| wc -l"]), args.runs)
        peer_rows = timed(f"sqlite3 '{path}' \"SELECT count(*), count(DISTINCT hs_code), sum(value_usd) FROM trade_records "
                          f"WHERE {where_pair} AND {hs27}{monthly}\"", args.runs)
        count, groups = peer_rows[2].split("|")[:2]
        table.append((f"`trend --by hs6 --hs 27 --freq monthly` ({int(trend[2]) - 1} lines; sqlite3 reads the {count} records "
                      f"of {groups} codes: `count`, `sum`)", label, trend, peer_rows))
    print(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average at the end {os.getloadavg()[0]:.1f}; "
          f"medians of {args.runs} runs after 1 warm-up; release build of tradescope.\n")
    print("| command | store | tradescope wall; CPU | sqlite3 wall; CPU | ratio wall (CPU) | peak memory tradescope / sqlite3 |")
    print("|---|---|---|---|---|---|")
    for name, label, ours, peer in table:
        if peer is None:
            print(f"| {name} | {label} | {ours[0] * 1000:.0f} ms; {ours[4] * 1000:.0f} ms | | | {ours[1]:.1f} MiB |")
            continue
        print(f"| {name} | {label} | {ours[0] * 1000:.0f} ms; {ours[4] * 1000:.0f} ms | {peer[0] * 1000:.0f} ms; {peer[4] * 1000:.0f} ms | "
              f"{ours[0] / max(peer[0], 1e-3):.2f}x ({ours[4] / max(peer[4], 1e-3):.2f}x) | {ours[1]:.1f} / {peer[1]:.1f} MiB |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500000,2000000,8000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cli", help="a release build of tradescope: measure the commands instead of the StoreQuery driver")
    args = parser.parse_args()
    if args.cli:
        return cli_main(args)
    table = []
    for rows in [int(size) for size in args.sizes.split(",")]:
        source, ordered = period_major(rows)
        path = store(rows, ordered)
        reporter, partner, flow, code = first_series(source)
        selection = ["--reporter", reporter, "--partner", partner, "--flow", flow, "--hs", code, "--freq", "monthly"]
        where = (f"reporter_key = '{reporter}' AND partner_key = '{partner}' AND flow = '{flow}' AND hs_code = '{code}'"
                 " AND length(period) = 7 AND substr(period, 6, 1) <> 'Q'")
        start = timed(f"{DRIVER} start", args.runs)
        ours = timed(" ".join([DRIVER, "rows", path] + selection), args.runs)
        inside = [statistics.median(float(out.split()[-1]) for out in ours[3])]
        count = int(ours[2].split()[1])
        peer = timed(f"sqlite3 '{path}' \"SELECT * FROM trade_records WHERE {where}\"", args.runs)
        peer_count = len(peer[2].splitlines())
        if count != peer_count:
            raise SystemExit(f"one series: {count} rows against sqlite3's {peer_count}")
        label = f"{rows / 1e6:g}M rows, {os.path.getsize(path) / 1e6:.0f} MB store"
        table.append((f"one monthly series ({reporter} {partner} {flow} {code}, {count} rows)", label, ours, peer, inside))
        table.append(("(the driver's start and exit alone)", label, start, None, None))
        # export --hs 27: every record of HS 27 and the codes under it, as CSV.
        hs27 = "(hs_code = '27' OR (hs_code >= '270' AND hs_code < '27:'))"
        ours_csv = timed(f"{DRIVER} csv {path} --hs 27 | wc -l", args.runs)
        peer_csv = timed(f"sqlite3 -csv -header '{path}' \"SELECT * FROM trade_records WHERE {hs27}\" | wc -l", args.runs)
        if ours_csv[2].strip() != peer_csv[2].strip():
            raise SystemExit(f"export: {ours_csv[2].strip()} lines against sqlite3's {peer_csv[2].strip()}")
        table.append((f"`export --hs 27`-like CSV ({int(ours_csv[2]) - 1} rows)", label, ours_csv, peer_csv, None))
        # The same selection through the API alone (no CSV), against sqlite3 reading the same rows.
        ours_rows = timed(f"{DRIVER} rows {path} --hs 27", args.runs)
        peer_rows = timed(f"sqlite3 '{path}' \"SELECT count(*), sum(value_usd) FROM trade_records WHERE {hs27}\"", args.runs)
        if int(ours_rows[2].split()[1]) != int(peer_rows[2].split("|")[0]):
            raise SystemExit(f"hs 27 rows: {ours_rows[2]} against sqlite3's {peer_rows[2]}")
        table.append(("HS 27 rows read, no output (sqlite3: `count(*)`, `sum(value_usd)`)", label, ours_rows, peer_rows,
                      [statistics.median(float(out.split()[-1]) for out in ours_rows[3])]))
    print(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average at the end {os.getloadavg()[0]:.1f}; "
          f"medians of {args.runs} runs after 1 warm-up.\n")
    print("| query | store | tradescope wall (in process: open + query); CPU | sqlite3 wall; CPU | ratio wall (CPU) | peak memory tradescope / sqlite3 |")
    print("|---|---|---|---|---|---|")
    for name, label, ours, peer, inside in table:
        query = f" ({inside[0] * 1000:.1f} ms)" if inside else ""
        if peer is None:
            print(f"| {name} | {label} | {ours[0] * 1000:.0f} ms; {ours[4] * 1000:.0f} ms | | | {ours[1]:.1f} MiB |")
            continue
        print(f"| {name} | {label} | {ours[0] * 1000:.0f} ms{query}; {ours[4] * 1000:.0f} ms | {peer[0] * 1000:.0f} ms; {peer[4] * 1000:.0f} ms | "
              f"{ours[0] / max(peer[0], 1e-3):.2f}x ({ours[4] / max(peer[4], 1e-3):.2f}x) | {ours[1]:.1f} / {peer[1]:.1f} MiB |")


if __name__ == "__main__":
    main()
