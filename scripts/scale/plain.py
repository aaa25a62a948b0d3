"""The plain reference: `lede run PIPELINE - [ARGS]` over all records at once."""

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
