"""Shared timing helper for the peer scripts: warm-up, repeated runs, medians of wall-clock and
process CPU time (all threads), one JSON line."""
import json
import os
import resource
import statistics
import sys
import time


def measure(tool, task, size, body, warmup, runs, path=None):
    """Runs `body` warmup + runs times; prints one JSON line like the Swift harness."""
    outcome = None
    for _ in range(warmup):
        outcome = body()
    seconds, cpu_seconds = [], []
    for _ in range(max(1, runs)):
        cpu_start = time.process_time()
        start = time.perf_counter()
        outcome = body()
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    rows, checksum = outcome
    print(json.dumps({
        "tool": tool, "task": task, "size": size, "seconds": seconds,
        "median": statistics.median(seconds), "runs": len(seconds),
        "cpu_seconds": cpu_seconds, "cpu_median": statistics.median(cpu_seconds),
        "bytes": os.path.getsize(path) if path else 0, "rows": rows, "checksum": checksum,
        "vmhwm_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }, sort_keys=True))
    sys.stdout.flush()


def arguments(argv):
    """TASK --input PATH [--size LABEL] [--warmup N] [--runs N]"""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("task")
    parser.add_argument("--input", required=True)
    parser.add_argument("--size", default="")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args(argv)
