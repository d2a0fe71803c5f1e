#!/usr/bin/env python3
"""Runs tradescope and its peers on the same files in one run and prints one table.

    run.py --mode quick|full [--readme Benchmarks/README.md]

Each task runs in its own process (so its peak memory is its own, read with wait4's
ru_maxrss); inside that process a warm-up and repeated runs give a median. One core: the
peers get POLARS_MAX_THREADS=1, DuckDB `SET threads = 1`, OPENBLAS_NUM_THREADS=1. The
physical limits (a memchr line scan of the CSV from the page cache and a memory-bandwidth
figure) are measured in the same run. Checksums of tradescope and each peer are compared,
so a row of the table is only printed as `ok` when both computed the same thing.

Adding a task: give the Swift harness a task (Sources/TradeScopeBench/BenchmarkTasks.swift),
then add a row to TASKS below with the peers that compute the same checksum.
"""
import argparse
import datetime
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
SEED = 20261129
MODES = {
    # rows of the CSV, series of the panel, months per series, warm-up runs, timed runs
    "quick": {"rows": 200_000, "series": 2_000, "months": 240, "warmup": 1, "runs": 5},
    "full": {"rows": 2_000_000, "series": 20_000, "months": 240, "warmup": 1, "runs": 3},
}

# task, input kind, tradescope harness task (None = not built yet), peers, goal (from issues 3/4/5)
TASKS = [
    ("read CSV, fields as String (`forEachRecord`)", "csv", "csv-read", ["polars-read", "pandas-read", "duckdb-read"],
     "#3: `ingest --dry-run` ≥ 3x pandas, faster than polars, aiming at 1 GB/s (≤ 10x line scan); peak < 200 MB"),
    ("read CSV, fields as bytes (`forEachRawRecord`)", "csv", "csv-read-raw", ["polars-read", "pandas-read", "duckdb-read"],
     "(same goal: the floor under a Comtrade reader built on the raw API)"),
    ("unit-price roll-up chapter x month, String fields", "csv", "rollup", ["polars-rollup", "pandas-rollup", "duckdb-rollup"],
     "#3: roll-up against the same tools"),
    ("unit-price roll-up chapter x month, byte fields", "csv", "rollup-raw", ["polars-rollup", "pandas-rollup", "duckdb-rollup"],
     "#3: roll-up against the same tools"),
    ("`ingest --dry-run` (`TradeStore.validate`: SHA-256, parse, check, overlap)", "csv", "ingest-validate",
     ["polars-validate", "pandas-validate", "duckdb-validate"],
     "#3: ≥ 3x pandas, faster than polars, aiming at 1 GB/s (≤ 10x line scan); peak < 200 MB"),
    ("ingest into a fresh store (`TradeStore.ingest`)", "csv", "ingest-store", ["pandas-validate"],
     "#3: full ingest at least as fast as pandas `read_csv` alone; peak < 200 MB"),
    ("log-linear trend, every series", "panel", None, ["numpy-trend", "statsmodels-trend"],
     "#4: ≥ 100x statsmodels loop and ≥ numpy closed form, with full inference, one core (not built yet)"),
]
# Tasks of issue 5 (STL, robust-z anomalies, PELT, Bai-Perron) get rows here when their code
# and peer scripts (statsmodels STL, ruptures, R strucchange) land.
PEER_SCRIPT = {"read": "csv_peers.py", "rollup": "csv_peers.py", "validate": "csv_peers.py", "trend": "trend_peers.py"}


def machine():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = re.search(r"Model name:\s*(.+)", out)
        cpus = re.search(r"^CPU\(s\):\s*(\d+)", out, re.M)
        return f"{model.group(1).strip() if model else 'unknown CPU'}, {cpus.group(1) if cpus else '?'} CPUs"
    except OSError:
        return "unknown machine"


def run_measured(argv, env=None):
    """Runs one task process; returns its last JSON line plus its peak RSS from wait4 (ru_maxrss, KiB)."""
    out_path = os.path.join(DATA, ".task.out")
    with open(out_path, "w") as out, open(out_path + ".err", "w") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = open(out_path).read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {open(out_path + '.err').read()[-2000:]}")
    lines = [line for line in text.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{' '.join(argv)} printed no result")
    result = json.loads(lines[-1])
    result["peak_bytes"] = usage.ru_maxrss * 1024
    return result


def same(a, b):
    """Checksums agree: integers exactly, sums to a relative 1e-9 (summation order differs)."""
    if a.keys() != b.keys():
        return False
    for key in a:
        x, y = float(a[key]), float(b[key])
        if x != y and abs(x - y) > 1e-9 * max(abs(x), abs(y)):
            return False
    return True


def ensure_data(mode, python):
    os.makedirs(DATA, exist_ok=True)
    csv_path = os.path.join(DATA, f"comtrade_plus_{mode['rows']}_seed{SEED}.csv")
    panel = os.path.join(DATA, f"panel_{mode['series']}x{mode['months']}_seed{SEED}")
    if not os.path.exists(csv_path):
        subprocess.run([python, os.path.join(HERE, "generate", "comtrade_plus.py"), "--rows", str(mode["rows"]),
                        "--seed", str(SEED), "--out", csv_path], check=True)
    if not os.path.exists(panel + ".f64"):
        subprocess.run([python, os.path.join(HERE, "generate", "panel.py"), "--series", str(mode["series"]),
                        "--months", str(mode["months"]), "--seed", str(SEED), "--out", panel], check=True)
    return csv_path, panel


def fmt_seconds(s):
    if s is None:
        return "—"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=MODES, default="quick")
    parser.add_argument("--bench", default=os.path.join(HERE, ".build", "release", "TradeScopeBench"))
    parser.add_argument("--limits", default=os.path.join(HERE, ".build", "limits"))
    parser.add_argument("--readme", default=None, help="write the table into this README between markers")
    parser.add_argument("--only", default=None, help="run only the tasks whose harness name contains this text (no README)")
    args = parser.parse_args()
    mode = MODES[args.mode]
    python = sys.executable
    env = dict(os.environ, POLARS_MAX_THREADS="1", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", RAYON_NUM_THREADS="1")
    csv_path, panel = ensure_data(mode, python)
    inputs = {"csv": csv_path, "panel": panel}
    csv_bytes = os.path.getsize(csv_path)
    size_label = {"csv": f"{mode['rows'] / 1e6:g}M rows, {csv_bytes / 1e6:.0f} MB",
                  "panel": f"{mode['series']} x {mode['months']}"}
    reps = ["--warmup", str(mode["warmup"]), "--runs", str(mode["runs"])]

    # Physical limits, same run. `cat` first so every tool reads the CSV from the page cache.
    subprocess.run(["cat", csv_path], stdout=subprocess.DEVNULL, check=True)
    scan = run_measured([os.path.join(args.limits, "linescan"), csv_path, str(mode["runs"] + 2)], env)
    bandwidth = run_measured([os.path.join(args.limits, "membw"), str(mode["runs"])], env)
    scan_rate = scan["bytes"] / scan["cpu_median"]
    print(f"line scan of the CSV from page cache: {fmt_seconds(scan['cpu_median'])} CPU ({scan_rate / 1e9:.2f} GB/s); "
          f"memory bandwidth, one core: read {bandwidth['read_gb_s']:.1f} GB/s, copy {bandwidth['copy_gb_s']:.1f} GB/s",
          file=sys.stderr)

    rows = []
    mismatches = 0
    for title, kind, swift_task, peers, goal in TASKS:
        if args.only and not (swift_task and args.only in swift_task):
            continue
        path = inputs[kind]
        ours = None
        if swift_task:
            ours = run_measured([args.bench, swift_task, "--input", path, "--size", size_label[kind]] + reps, env)
            print(f"  tradescope {swift_task}: {fmt_seconds(ours['cpu_median'])} CPU, {fmt_seconds(ours['median'])} wall", file=sys.stderr)
        for peer in peers:
            script = os.path.join(HERE, "peers", PEER_SCRIPT[peer.split("-", 1)[1]])
            theirs = run_measured([python, script, peer, "--input", path, "--size", size_label[kind]] + reps, env)
            print(f"  {peer}: {fmt_seconds(theirs['cpu_median'])} CPU, {fmt_seconds(theirs['median'])} wall", file=sys.stderr)
            check = "—"
            if ours is not None:
                check = "ok" if same(ours["checksum"], theirs["checksum"]) else "MISMATCH"
                mismatches += check == "MISMATCH"
            rows.append((title, kind, ours, peer, theirs, check, goal))

    table = render(rows, size_label, scan, bandwidth, csv_bytes)
    header = (f"Run {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, mode `{args.mode}`, "
              f"machine: {machine()} (shared with other work; figures are medians of {mode['runs']} runs after "
              f"{mode['warmup']} warm-up, one core per tool; process CPU time, wall-clock in brackets; "
              f"load average at the start {os.getloadavg()[0]:.1f}).\n\n"
              f"Physical limits, same run: memchr line scan of the CSV from page cache {fmt_seconds(scan['cpu_median'])} CPU "
              f"({scan_rate / 1e9:.2f} GB/s); memory bandwidth on one core: read {bandwidth['read_gb_s']:.1f} GB/s, "
              f"copy {bandwidth['copy_gb_s']:.1f} GB/s.\n")
    text = header + "\n" + table
    print(text)
    if args.readme and not args.only:
        write_readme(args.readme, text, args.mode)
    if mismatches:
        print(f"{mismatches} checksum mismatch(es): tradescope and a peer computed different results", file=sys.stderr)
        sys.exit(1)


def render(rows, size_label, scan, bandwidth, csv_bytes):
    """One Markdown table. Ratios and rates use process CPU time (user + system, all threads),
    which other work on a shared machine disturbs far less than wall-clock time; wall-clock
    medians are shown beside it."""
    lines = [
        "| task | size | tradescope CPU (wall) | peer | peer CPU (wall) | ratio peer / tradescope, CPU (wall) "
        "| tradescope MB/s (CPU) | peak memory tradescope / peer | share of limit | same result | goal |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    previous = None
    for title, kind, ours, peer, theirs, check, goal in rows:
        if title == previous:
            goal = "″"
        previous = title
        our_cpu = ours["cpu_median"] if ours else None
        our_wall = ours["median"] if ours else None
        if ours:
            ratio = f"{theirs['cpu_median'] / our_cpu:.2f}x ({theirs['median'] / our_wall:.2f}x)"
        else:
            ratio = "—"
        rate = f"{csv_bytes / our_cpu / 1e6:.0f}" if (ours and kind == "csv") else "—"
        if ours and kind == "csv":
            share = f"{scan['cpu_median'] / our_cpu * 100:.1f}% of line scan"
        elif ours and kind == "panel":
            share = f"{(theirs['bytes'] / our_cpu) / (bandwidth['read_gb_s'] * 1e9) * 100:.1f}% of memory read"
        else:
            share = "—"
        our_peak = f"{ours['peak_bytes'] / 2**20:.0f}" if ours else "—"
        peak = f"{our_peak} / {theirs['peak_bytes'] / 2**20:.0f} MiB"
        per_series = ""
        if kind == "panel":
            per_series = f", {theirs['cpu_median'] / theirs['rows'] * 1e6:.1f} µs/series"
        ours_text = f"{fmt_seconds(our_cpu)} ({fmt_seconds(our_wall)})" if ours else "—"
        lines.append(f"| {title} | {size_label[kind]} | {ours_text} | {peer} | "
                     f"{fmt_seconds(theirs['cpu_median'])} ({fmt_seconds(theirs['median'])}{per_series}) | {ratio} | "
                     f"{rate} | {peak} | {share} | {check} | {goal} |")
    return "\n".join(lines) + "\n"


def write_readme(path, text, mode):
    begin, end = f"<!-- bench:{mode}:begin -->", f"<!-- bench:{mode}:end -->"
    content = open(path).read() if os.path.exists(path) else ""
    block = f"{begin}\n{text}{end}"
    if begin in content and end in content:
        content = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda _: block, content, flags=re.S)
    else:
        content = content.rstrip("\n") + f"\n\n{block}\n"
    with open(path, "w") as out:
        out.write(content)


if __name__ == "__main__":
    main()
