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
    # Analysis rows (issue 10 items 2-4), with a sixth field of options:
    #   limit: {mode: K} runs tradescope AND the peers on the first K series only (BENCH_SERIES_LIMIT),
    #          for peers too slow for the whole panel in a 15-minute `make bench`;
    #   goals: {peer: ratio} the goal, shown as met or missed beside the ratio;
    #   rtol: checksum tolerance (default 1e-9).
    ("log-linear trend, every series, batch kernel (`TimeTrendLine.fitLogLinear`)", "panel", "trend-batch",
     ["numpy-trend", "statsmodels-trend"],
     "#4: ≥ 100x statsmodels loop and ≥ numpy closed form, with full inference, one core",
     {"goals": {"numpy-trend": 1, "statsmodels-trend": 100}}),
    ("log-linear trend, every series, general path (`TrendSpecification.fit`, full `TrendFit`)", "panel", "trend-spec",
     ["numpy-trend", "statsmodels-trend"], "″", {"goals": {"numpy-trend": 1, "statsmodels-trend": 100}}),
    ("robust STL (period 12, 15 outer iterations) of log y", "panel", "stl", ["statsmodels-stl"],
     "#5: ≥ 10x statsmodels `STL(robust=True)`; trend of series 0-2 at 4 dates rtol 1e-6",
     {"limit": {"quick": 100, "full": 500}, "goals": {"statsmodels-stl": 10}, "rtol": 1e-6}),
    ("robust-z anomaly flags (linear-trend residuals of log y, |z| > 3.5)", "panel", "anomalies", ["numpy-anomalies"],
     "#5: flags as a median/MAD implementation in numpy (no speed goal)", {}),
    ("exact PELT, change in mean of log y (jump 1, BIC)", "panel", "pelt", ["ruptures-pelt"],
     "#5: ≥ 100x ruptures `Pelt(jump=1)`, same change points",
     {"limit": {"quick": 10, "full": 50}, "goals": {"ruptures-pelt": 100}}),
    ("Bai-Perron, seatbelt (log10 UKDriverDeaths, n = 180, 3 regressors, h = 0.1, 2 breaks + intervals)", "ukdd",
     "bai-perron-seatbelt", ["strucchange-seatbelt"], "#5: ≥ 50x strucchange `breakpoints` + `confint`, same breaks and intervals",
     {"goals": {"strucchange-seatbelt": 50}}),
    ("Bai-Perron per series, log y ~ 1 + t, h = 0.15, BIC, intervals", "panel", "bai-perron-panel", ["strucchange-panel"],
     "″", {"limit": {"quick": 4, "full": 20}, "goals": {"strucchange-panel": 50}}),
    ("Bai-Perron on one long series (the panel end to end, n = BENCH_LONG_N, default 20,000; mean, h = 0.15, BIC)", "panel",
     "bai-perron-long", [], "#23 item 22: memory O(M n), not O(n²) (1.6 GB at 20,000 before)", {}),
    # Issue 17: log-likelihoods compared per series as "at least the peer's" (a higher maximum is the same model fitted
    # better); `at_least` names the checksum keys so compared, `rtol` their tolerance.
    ("structural model, local linear trend + seasonal 12 of log y with ~25% months missing (seeded), ML variances",
     "panel", "structural", ["statsmodels-structural"],
     "#17: ≥ 50x statsmodels `UnobservedComponents(...).fit()`, same log-likelihood",
     {"limit": {"quick": 20, "full": 50}, "goals": {"statsmodels-structural": 50}, "at_least": "llf_", "rtol": 1e-6}),
    ("structural model, batch through `GroupedAnalysis.run` (the `--by` path, all cores)", "panel", "structural-batch", [],
     "#17: batch of 2,000 such series", {}),
]
PEER_SCRIPT = {"structural": "structural_peers.py", "read": "csv_peers.py", "rollup": "csv_peers.py", "validate": "csv_peers.py", "trend": "trend_peers.py", "stl": "analysis_peers.py",
               "anomalies": "analysis_peers.py", "pelt": "analysis_peers.py", "seatbelt": "strucchange_peers.R",
               "panel": "strucchange_peers.R"}
# The seatbelt series: R `datasets::UKDriverDeaths`, as exported by the tests' reference script.
UKDD = os.path.join(HERE, "..", "Tests", "TrendAnalysisTests", "Reference", "ukdriverdeaths.csv")


def r_available():
    """Rscript with strucchange, else None and the reason (the R rows are then skipped with a note)."""
    try:
        ok = subprocess.run(["Rscript", "-e", "suppressMessages(library(strucchange))"], capture_output=True).returncode == 0
    except OSError:
        return "Rscript not found (install r-base-core r-cran-strucchange; `make bench-build` does when apt works)"
    return None if ok else "R package strucchange not installed (r-cran-strucchange)"


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


def same(a, b, rtol=1e-9, at_least=None):
    """Checksums agree: integers exactly, sums to a relative 1e-9 (summation order differs) or the row's rtol.
    Keys starting with `at_least` (maximised log-likelihoods) agree when ours (a) is at least the peer's (b) minus
    rtol of it; Σ over such keys is then not compared."""
    if a.keys() != b.keys():
        return False
    for key in a:
        x, y = float(a[key]), float(b[key])
        if at_least and key.startswith(at_least):
            if x < y - rtol * abs(y):
                return False
            continue
        if at_least and key.endswith("_sum"):
            continue
        if x != y and abs(x - y) > rtol * max(abs(x), abs(y)):
            return False
    return True


# Row orders of the Comtrade+ CSV (generate/comtrade_plus.py --order): the same rows, series-major (the
# generator's order), period-major (the API's and bulk files' order) and shuffled. Every CSV task runs on each.
ORDERS = {"series": "series-major", "period": "period-major", "shuffled": "shuffled"}


def csv_file(mode, order):
    suffix = "" if order == "series" else f"_{order}"
    return os.path.join(DATA, f"comtrade_plus_{mode['rows']}_seed{SEED}{suffix}.csv")


def ensure_data(mode, python, orders):
    os.makedirs(DATA, exist_ok=True)
    panel = os.path.join(DATA, f"panel_{mode['series']}x{mode['months']}_seed{SEED}")
    for order in orders:
        path = csv_file(mode, order)
        if not os.path.exists(path):
            subprocess.run([python, os.path.join(HERE, "generate", "comtrade_plus.py"), "--rows", str(mode["rows"]),
                            "--seed", str(SEED), "--order", order, "--out", path], check=True)
    csv_path = csv_file(mode, orders[0])
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
    parser.add_argument("--only", default=None, help="comma-separated tradescope task names (trials; not with --readme)")
    parser.add_argument("--orders", default=",".join(ORDERS), help="row orders of the CSV tasks (series,period,shuffled)")
    args = parser.parse_args()
    mode = MODES[args.mode]
    python = sys.executable
    env = dict(os.environ, POLARS_MAX_THREADS="1", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", RAYON_NUM_THREADS="1")
    orders = [order for order in args.orders.split(",") if order]
    csv_path, panel = ensure_data(mode, python, orders)
    inputs = {"csv": csv_path, "panel": panel, "ukdd": UKDD}
    csv_bytes = os.path.getsize(csv_path)
    size_label = {"csv": f"{mode['rows'] / 1e6:g}M rows, {csv_bytes / 1e6:.0f} MB",
                  "panel": f"{mode['series']} x {mode['months']}", "ukdd": "180 x 3"}
    for order in orders:
        inputs[f"csv:{order}"] = csv_file(mode, order)
        size_label[f"csv:{order}"] = f"{size_label['csv']}, **{ORDERS[order]}**"
    r_missing = r_available()
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
    notes = []
    # Each CSV task once per row order, the orders of one task next to each other.
    expanded = []
    for title, kind, swift_task, peers, goal, *extra in TASKS:
        if kind == "csv":
            expanded += [(title, f"csv:{order}", swift_task, peers, goal, *extra) for order in orders]
        else:
            expanded.append((title, kind, swift_task, peers, goal, *extra))
    for title, kind, swift_task, peers, goal, *extra in expanded:
        options = extra[0] if extra else {}
        if args.only and swift_task not in args.only.split(","):
            continue
        path = inputs[kind]
        task_env, label = env, dict(size_label)
        limit = options.get("limit", {}).get(args.mode)
        if limit and kind == "panel" and limit < mode["series"]:
            task_env = dict(env, BENCH_SERIES_LIMIT=str(limit))
            label[kind] = f"first {limit} of {size_label[kind]}"
        ours = None
        if swift_task:
            ours = run_measured([args.bench, swift_task, "--input", path, "--size", label[kind]] + reps, task_env)
            print(f"  tradescope {swift_task}: {fmt_seconds(ours['cpu_median'])} CPU, {fmt_seconds(ours['median'])} wall", file=sys.stderr)
        for peer in peers:
            script = os.path.join(HERE, "peers", PEER_SCRIPT[peer.split("-", 1)[1]])
            if script.endswith(".R"):
                if r_missing:
                    notes.append(f"{peer} skipped: {r_missing}.")
                    continue
                argv = ["Rscript", script]
            else:
                argv = [python, script]
            theirs = run_measured(argv + [peer, "--input", path, "--size", label[kind]] + reps, task_env)
            print(f"  {peer}: {fmt_seconds(theirs['cpu_median'])} CPU, {fmt_seconds(theirs['median'])} wall", file=sys.stderr)
            check = "—"
            if ours is not None:
                check = "ok" if same(ours["checksum"], theirs["checksum"], options.get("rtol", 1e-9), options.get("at_least")) else "MISMATCH"
                if options.get("at_least"):
                    prefix = options["at_least"]
                    higher = sum(1 for key in ours["checksum"] if key.startswith(prefix)
                                 and ours["checksum"][key] > theirs["checksum"][key] + 1e-6 * abs(theirs["checksum"][key]))
                    gain = ours["checksum"]["llf_sum"] - theirs["checksum"]["llf_sum"]
                    notes.append(f"{swift_task}: log-likelihood higher than {peer}'s on {higher} of {ours['rows']} series "
                                 f"(by more than 1e-6 relative; Σ llf {ours['checksum']['llf_sum']:.6f} vs "
                                 f"{theirs['checksum']['llf_sum']:.6f}, +{gain:.6f}), at least as high on all when `ok`.")
                mismatches += check == "MISMATCH"
            rows.append((title, kind, ours, peer, theirs, check, goal, label[kind], options.get("goals", {}).get(peer)))
        if not peers and ours is not None:
            rows.append((title, kind, ours, "—", None, "—", goal, label[kind], None))

    table = render(rows, size_label, scan, bandwidth, csv_bytes) + "".join(f"\n{note}\n" for note in notes)
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
    for title, kind, ours, peer, theirs, check, goal, label, goal_ratio in rows:
        if title == previous:
            goal = "″"
        previous = title
        our_cpu = ours["cpu_median"] if ours else None
        our_wall = ours["median"] if ours else None
        if ours and theirs is None:
            ratio = "—"
        elif ours:
            ratio = f"{theirs['cpu_median'] / our_cpu:.2f}x ({theirs['median'] / our_wall:.2f}x)"
            if goal_ratio:
                ratio += f", goal ≥ {goal_ratio:g}x {'met' if theirs['cpu_median'] / our_cpu >= goal_ratio else 'MISSED'}"
        else:
            ratio = "—"
        is_csv = kind.startswith("csv")
        rate = f"{csv_bytes / our_cpu / 1e6:.0f}" if (ours and is_csv) else "—"
        if ours and is_csv:
            share = f"{scan['cpu_median'] / our_cpu * 100:.1f}% of line scan"
        elif ours and kind == "panel" and swift_is_scan(ours):
            share = f"{(ours['bytes'] / our_cpu) / (bandwidth['read_gb_s'] * 1e9) * 100:.1f}% of memory read"
        else:
            share = "—"
        our_peak = f"{ours['peak_bytes'] / 2**20:.0f}" if ours else "—"
        peak = f"{our_peak} / {theirs['peak_bytes'] / 2**20:.0f} MiB" if theirs else f"{our_peak} MiB / —"
        per_series = our_per_series = ""
        if kind == "panel":
            if theirs:
                per_series = f", {theirs['cpu_median'] / theirs['rows'] * 1e6:.1f} µs/series"
            if ours:
                our_per_series = f", {our_cpu / ours['rows'] * 1e6:.1f} µs/series"
        ours_text = f"{fmt_seconds(our_cpu)} ({fmt_seconds(our_wall)}{our_per_series})" if ours else "—"
        their_text = f"{fmt_seconds(theirs['cpu_median'])} ({fmt_seconds(theirs['median'])}{per_series})" if theirs else "—"
        lines.append(f"| {title} | {label} | {ours_text} | {peer} | "
                     f"{their_text} | {ratio} | "
                     f"{rate} | {peak} | {share} | {check} | {goal} |")
    return "\n".join(lines) + "\n"


def swift_is_scan(ours):
    """The memory-read share means something only for a one-pass kernel over the whole panel (the trend)."""
    return ours.get("task", "").startswith("trend")


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
