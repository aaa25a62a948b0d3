"""Throughput against worker threads: `lede bench ... --jobs N --json`.

Runs the standard whole-pipeline figure,

    lede bench pipelines/news.toml corpus/seeds --repeat 118 --jobs N --json

for each N in --jobs (default 1 2), alternating between them for --runs runs
so that changes in machine load hit every N alike, and prints the median
MB/s per N together with the CPU time the runs used and the load average
before each run. Used for the Scaling section of docs/performance.md.

    python3 scripts/scale/bench_scaling.py --lede target/release/lede
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def one_run(lede, jobs, repeat, pipeline, seeds):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    out = subprocess.run(
        [lede, "bench", pipeline, seeds, "--repeat", str(repeat), "--jobs", str(jobs), "--json"],
        stdout=subprocess.PIPE,
        check=True,
    ).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = json.loads(out)
    return {
        "jobs": jobs,
        "mb_per_s": report["total"]["mb_per_s"],
        "seconds": report["total"]["seconds"],
        "rounds": report["rounds"],
        "mb": report["bytes"] / 1e6,
        "process_wall_s": wall,
        "process_cpu_s": cpu,
        "load_before": load,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lede", required=True)
    ap.add_argument("--pipeline", default=str(ROOT / "pipelines/news.toml"))
    ap.add_argument("--seeds", default=str(ROOT / "corpus/seeds"))
    ap.add_argument("--repeat", type=int, default=118)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", help="write all runs as JSON here")
    args = ap.parse_args()

    runs = []
    for k in range(args.runs):
        for jobs in args.jobs:
            r = one_run(args.lede, jobs, args.repeat, args.pipeline, args.seeds)
            runs.append(r)
            print(
                f"run {k + 1} jobs {jobs}: {r['mb_per_s']:.2f} MB/s, "
                f"{r['process_cpu_s']:.1f} CPU s in {r['process_wall_s']:.1f} s, "
                f"load {r['load_before']:.1f}",
                file=sys.stderr,
            )
    print(f"{os.cpu_count()} cores; {args.runs} runs per N, each `--rounds 3`")
    print("| --jobs | median MB/s | MB/s per run | CPU s per run (median) | load avg before runs |")
    print("| --- | --- | --- | --- | --- |")
    base = None
    for jobs in args.jobs:
        mine = [r for r in runs if r["jobs"] == jobs]
        mbs = statistics.median(r["mb_per_s"] for r in mine)
        base = base or mbs
        cpu = statistics.median(r["process_cpu_s"] for r in mine)
        loads = " ".join(f"{r['load_before']:.1f}" for r in mine)
        per = " ".join(f"{r['mb_per_s']:.2f}" for r in mine)
        print(f"| {jobs} | {mbs:.2f} (x{mbs / base:.2f}) | {per} | {cpu:.1f} | {loads} |")
    if args.out:
        Path(args.out).write_text(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
