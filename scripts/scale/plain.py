"""The plain reference: `lede run PIPELINE - [ARGS]` over all records at once."""

import os
import statistics
import subprocess
import time


def lede_command(lede, pipeline, extra_args=()):
    """The plain command: `lede run PIPELINE - ARGS`, on all cores."""
    return [str(lede), "run", str(pipeline), "-", *extra_args]


def engine_command(command):
    """The command an engine starts once per partition or batch: the engine
    runs one task per core, so each lede process works on one thread."""
    return [*command, "--jobs", "1"]


def plain_run(command, lines):
    """Runs `command` with `lines` as JSONL on stdin; returns (output lines, seconds)."""
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    t0 = time.perf_counter()
    proc = subprocess.run(command, input=data, stdout=subprocess.PIPE, check=True)
    seconds = time.perf_counter() - t0
    return split_lines(proc.stdout), seconds


def split_lines(data):
    """JSONL bytes -> lines, split at line feeds only.

    str.splitlines() would also split inside JSON strings at U+2028, U+0085
    and other characters that JSON leaves unescaped."""
    text = data.decode("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def plain_timing(command, lines, rounds):
    """Seconds of `rounds` plain runs with --jobs 1 and --jobs 2, alternating
    so that changes in machine load hit both alike."""
    results = {"plain --jobs 1": [], "plain --jobs 2": []}
    for _ in range(rounds):
        for jobs in (1, 2):
            _, seconds = plain_run([*command, "--jobs", str(jobs)], lines)
            results[f"plain --jobs {jobs}"].append(seconds)
    return results


def load_average():
    return os.getloadavg()[0]


def print_timing(results, mb):
    """A Markdown table of medians: one row per way of running."""
    print("| run | median s | MB/s | runs (s) |")
    print("| --- | --- | --- | --- |")
    for name, runs in results.items():
        if name.startswith("load"):
            continue
        m = statistics.median(runs)
        print(f"| {name} | {m:.2f} | {mb / m:.2f} | {' '.join(f'{r:.2f}' for r in runs)} |")
    loads = results.get("load", [])
    if loads:
        print(f"load average (1 min) at the start of each phase: {' '.join(f'{x:.1f}' for x in loads)}")
