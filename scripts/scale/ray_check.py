"""Runs `lede run PIPELINE -` under Ray Data and checks it against a plain run.

1. Builds the input records from the seed articles (scripts/scale/records.py).
2. Runs the plain command once over all records: the reference.
3. Starts a local Ray (`--cpus`, default 2) and sends the records through
   `Dataset.map_batches`: each batch is written as JSONL to a fresh lede
   process, whose output lines become the batch's rows. Order is preserved
   (DataContext.execution_options.preserve_order).
4. Compares the rows with the reference record by record (same count, same
   order, same ids, same JSON), then goes the columns way: `read_json` of the
   records file, rows turned into JSON per batch, results matched by id.
5. With `--timing`, times 1 against 2 CPUs over a larger input.

Needs ray[data]; scripts/test-ray.sh sets it up.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import Mismatch, compare, same_record  # noqa: E402
from plain import engine_command, load_average, plain_timing, print_timing, lede_command, plain_run, split_lines  # noqa: E402
from records import make_records, to_lines  # noqa: E402


def start_ray(cpus):
    import ray

    # No usage reports: this runs on machines without outside network.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(
        num_cpus=cpus,
        include_dashboard=False,
        object_store_memory=256 * 1024 * 1024,
        log_to_driver=True,
        configure_logging=True,
        logging_level="warning",
    )
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    return ray


def run_lede_on_lines(batch, command):
    """map_batches function: a batch {"line": [...]} of JSONL input lines in,
    the same number of lede output lines out, one lede process per batch."""
    data = "".join(str(line) + "\n" for line in batch["line"]).encode("utf-8")
    proc = subprocess.run(command, input=data, stdout=subprocess.PIPE, check=True)
    return {"line": split_lines(proc.stdout)}


def run_lede_on_columns(batch, command):
    """map_batches function for a table of articles (columns id, text, ...):
    each row goes in as one JSON object, each result comes back as its id and
    its JSON line."""
    columns = list(batch)
    rows = []
    for i in range(len(batch[columns[0]])):
        row = {}
        for c in columns:
            value = batch[c][i]
            # read_json gives None (or NaN) for a field a record lacks.
            if value is None or (isinstance(value, float) and value != value):
                continue
            row[c] = value.item() if hasattr(value, "item") else value
        rows.append(json.dumps(row, ensure_ascii=False))
    data = "".join(r + "\n" for r in rows).encode("utf-8")
    proc = subprocess.run(command, input=data, stdout=subprocess.PIPE, check=True)
    out = split_lines(proc.stdout)
    return {"id": [json.loads(line).get("id") for line in out], "json": out}


def ray_lines(ray, command, lines, blocks, batch_size):
    ds = ray.data.from_items([{"line": l} for l in lines], override_num_blocks=blocks)
    out = ds.map_batches(
        run_lede_on_lines,
        fn_kwargs={"command": command},
        batch_size=batch_size,
        batch_format="numpy",
    )
    return [row["line"] for row in out.take_all()]


def columns_check(ray, command, records_path, expected_lines, batch_size):
    ds = ray.data.read_json(str(records_path), lines=True)
    out = ds.map_batches(
        run_lede_on_columns,
        fn_kwargs={"command": command},
        batch_size=batch_size,
        batch_format="numpy",
    ).take_all()
    got = {row["id"]: row["json"] for row in out}
    if len(got) != len(expected_lines) or len(out) != len(expected_lines):
        raise Mismatch(f"columns way gave {len(out)} rows for {len(expected_lines)} records")
    for line in expected_lines:
        exp = json.loads(line)
        have = got.get(exp["id"])
        if have is None:
            raise Mismatch(f"columns way lost id {exp['id']!r}")
        if not same_record(json.loads(have), exp):
            raise Mismatch(f"columns way: record {exp['id']!r} differs from plain lede run")
    return len(got)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lede", required=True, help="path to the lede binary")
    ap.add_argument("--pipeline", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--work", required=True, help="directory for input/output files")
    ap.add_argument("--lede-arg", action="append", default=[],
                    help="extra argument for `lede run` (repeatable)")
    ap.add_argument("--bad", action="store_true", help="add one record without text")
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--blocks", type=int, default=6)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--timing", action="store_true",
                    help="also time 1 vs 2 CPUs on --repeat copies of the articles")
    ap.add_argument("--repeat", type=int, default=118)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    command = lede_command(args.lede, args.pipeline, args.lede_arg)
    engine = engine_command(command)
    print("plain command:", shlex.join(command))
    print("engine command:", shlex.join(engine))

    records = make_records(args.seeds, bad=args.bad)
    lines = to_lines(records)
    records_path = work / "records.jsonl"
    records_path.write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    expected, plain_s = plain_run(command, lines)
    (work / "plain.jsonl").write_text("".join(l + "\n" for l in expected), encoding="utf-8")

    t0 = time.perf_counter()
    ray = start_ray(args.cpus)
    print(f"ray {ray.__version__} with {args.cpus} CPUs, started in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    got = ray_lines(ray, engine, lines, args.blocks, args.batch_size)
    ray_s = time.perf_counter() - t0
    (work / "ray.jsonl").write_text("".join(l + "\n" for l in got), encoding="utf-8")
    try:
        result = compare(lines, expected, got, got_name=f"ray ({args.cpus} CPUs)")
        col_records = columns_check(ray, engine, records_path, expected, args.batch_size)
    except Mismatch as e:
        print(f"FAIL: {e}", file=sys.stderr)
        ray.shutdown()
        return 1
    print(
        f"OK: {result['records']} records equal to plain lede run "
        f"({result['byte_identical']} byte-identical, {result['error_records']} error records), "
        f"{args.blocks} blocks, batches of {args.batch_size}; columns way matched {col_records} records"
    )
    print(f"time: plain lede run {plain_s:.2f} s, Ray map_batches ({args.cpus} CPUs) {ray_s:.2f} s")
    ray.shutdown()

    if args.timing:
        timing(args, command, work)
    return 0


def timing(args, command, work):
    """Medians of `rounds` runs: plain lede run, Ray with 1 and 2 CPUs."""
    lines = to_lines(make_records(args.seeds, repeat=args.repeat, paragraphs=False))
    mb = sum(len(json.loads(l)["text"].encode()) for l in lines) / 1e6
    print(f"timing input: {len(lines)} records, {mb:.2f} MB of text, {args.rounds} rounds")
    load = [load_average()]
    results = plain_timing(command, lines, args.rounds)
    expected, _ = plain_run(command, lines)
    # Batches of 148 records: 4 lede processes per run, as the Spark timing's 4 partitions.
    batch = -(-len(lines) // 4)
    for cpus in (1, 2):
        ray = start_ray(cpus)
        ray_lines(ray, engine_command(command), lines[:4], 2, 2)  # warm-up
        runs = []
        load.append(load_average())
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            got = ray_lines(ray, engine_command(command), lines, 4, batch)
            runs.append(time.perf_counter() - t0)
            compare(lines, expected, got, got_name=f"ray ({cpus} CPUs)")
        ray.shutdown()
        results[f"ray {cpus} CPU"] = runs
    results["load"] = load
    print_timing(results, mb)
    (work / "ray-timing.json").write_text(json.dumps({"mb": mb, "records": len(lines), **results}))


if __name__ == "__main__":
    sys.exit(main())
