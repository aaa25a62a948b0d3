"""Runs `lede run PIPELINE -` under Apache Spark and checks it against a plain run.

1. Builds the input records from the seed articles (scripts/scale/records.py).
2. Runs the plain command once over all records: the reference.
3. Starts a local Spark (`--master`, default local[2]) and sends the records
   through `RDD.pipe` with the same command, spread over `--partitions`
   partitions; each partition is one lede process reading JSONL on stdin.
4. Compares the collected lines with the reference record by record (same
   count, same order, same ids, same JSON) and also goes the DataFrame way:
   a column of JSON strings, piped, parsed with `from_json` and a schema.
5. With `--timing`, times local[1] against local[2] over a larger input.

Needs pyspark and a Java 17 runtime; scripts/test-spark.sh sets both up.
"""

import argparse
import json
import os
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import Mismatch, compare  # noqa: E402
from records import make_records, to_lines  # noqa: E402
from plain import engine_command, load_average, plain_timing, print_timing, lede_command, plain_run  # noqa: E402


def spark_session(master):
    from pyspark.sql import SparkSession

    # Local mode only: keep every socket on the loopback interface.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(master)
        .appName("lede-scale-check")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_pipe(sc, command, lines, partitions):
    """The lines of `lede run ... -` output, computed with RDD.pipe.

    RDD.pipe starts `command` once per partition, writes the partition's
    elements to its stdin one per line and turns each stdout line into an
    element; collect() returns partitions in order, so the one-line-per-record
    contract gives back the input order.
    """
    rdd = sc.parallelize(lines, partitions)
    return rdd.pipe(shlex.join(command), checkCode=True).collect()


def annotation_schema():
    """A Spark schema for the parts of lede's output the DataFrame check reads."""
    from pyspark.sql import types as T

    span = [T.StructField("start", T.LongType()), T.StructField("end", T.LongType())]
    return T.StructType(
        [
            T.StructField("id", T.StringType()),
            T.StructField("url", T.StringType()),
            T.StructField("error", T.StringType()),
            T.StructField("sentences", T.ArrayType(T.StructType(span))),
            T.StructField(
                "entities",
                T.ArrayType(
                    T.StructType(
                        span
                        + [
                            T.StructField("label", T.StringType()),
                            T.StructField("canonical", T.StringType()),
                        ]
                    )
                ),
            ),
            T.StructField(
                "numbers",
                T.ArrayType(
                    T.StructType(
                        span
                        + [
                            T.StructField("kind", T.StringType()),
                            # A number or a string (e.g. a date): keep the JSON text.
                            T.StructField("value", T.StringType()),
                            T.StructField("unit", T.StringType()),
                        ]
                    )
                ),
            ),
            T.StructField(
                "quotes",
                T.ArrayType(
                    T.StructType(
                        span
                        + [
                            T.StructField(
                                "speaker",
                                T.StructType(
                                    [
                                        T.StructField("text", T.StringType()),
                                        T.StructField("canonical", T.StringType()),
                                    ]
                                ),
                            ),
                            T.StructField("cue", T.StringType()),
                        ]
                    )
                ),
            ),
        ]
    )


def dataframe_check(spark, command, records_path, expected_lines):
    """The DataFrame way: JSON strings column -> lede -> from_json -> columns.

    Returns the number of records whose parsed layer sizes match the plain run.
    """
    from pyspark.sql import functions as F

    articles = spark.read.json(str(records_path))  # columns id, text, url
    as_json = articles.select(F.to_json(F.struct(*articles.columns)).alias("value"))
    piped = as_json.rdd.map(lambda row: row.value).pipe(shlex.join(command), checkCode=True)
    annotated = (
        spark.createDataFrame(piped.map(lambda s: (s,)), "json string")
        .select(F.from_json("json", annotation_schema()).alias("doc"))
        .select("doc.*")
    )
    rows = annotated.select(
        "id",
        "error",
        F.size("sentences").alias("sentences"),
        F.size("entities").alias("entities"),
        F.size("numbers").alias("numbers"),
        F.size("quotes").alias("quotes"),
    ).collect()
    got = {r["id"]: r for r in rows}
    if len(got) != len(expected_lines):
        raise Mismatch(f"DataFrame way gave {len(got)} distinct ids for {len(expected_lines)} records")
    for line in expected_lines:
        exp = json.loads(line)
        row = got.get(exp["id"])
        if row is None:
            raise Mismatch(f"DataFrame way lost id {exp['id']!r}")
        if (row["error"] is None) != ("error" not in exp):
            raise Mismatch(f"DataFrame way: error field differs for {exp['id']!r}")
        for layer in ("sentences", "entities", "numbers", "quotes"):
            # F.size of a missing layer is null (-1 with the legacy setting).
            want = len(exp[layer]) if layer in exp else None
            have = None if row[layer] is None or row[layer] < 0 else row[layer]
            if have != want:
                raise Mismatch(
                    f"DataFrame way: {exp['id']!r} has {row[layer]} {layer}, plain run has {want}"
                )
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
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=6)
    ap.add_argument("--timing", action="store_true",
                    help="also time local[1] vs local[2] on --repeat copies of the articles")
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
    spark = spark_session(args.master)
    sc = spark.sparkContext
    start_s = time.perf_counter() - t0
    print(f"spark {spark.version} on {args.master}, started in {start_s:.1f} s")

    t0 = time.perf_counter()
    got = spark_pipe(sc, engine, lines, args.partitions)
    spark_s = time.perf_counter() - t0
    (work / "spark.jsonl").write_text("".join(l + "\n" for l in got), encoding="utf-8")
    try:
        result = compare(lines, expected, got, got_name=f"spark {args.master}")
        df_records = dataframe_check(spark, engine, records_path, expected)
    except Mismatch as e:
        print(f"FAIL: {e}", file=sys.stderr)
        spark.stop()
        return 1
    print(
        f"OK: {result['records']} records equal to plain lede run "
        f"({result['byte_identical']} byte-identical, {result['error_records']} error records), "
        f"{args.partitions} partitions; DataFrame way parsed {df_records} records"
    )
    print(f"time: plain lede run {plain_s:.2f} s, RDD.pipe on {args.master} {spark_s:.2f} s")
    spark.stop()

    if args.timing:
        timing(args, command, work)
    return 0


def timing(args, command, work):
    """Medians of `rounds` runs: plain lede run, Spark local[1], Spark local[2]."""
    lines = to_lines(make_records(args.seeds, repeat=args.repeat, paragraphs=False))
    mb = sum(len(json.loads(l)["text"].encode()) for l in lines) / 1e6
    print(f"timing input: {len(lines)} records, {mb:.2f} MB of text, {args.rounds} rounds")
    load = [load_average()]
    results = plain_timing(command, lines, args.rounds)
    expected, _ = plain_run(command, lines)
    for cores in (1, 2):
        master = f"local[{cores}]"
        spark = spark_session(master)
        sc = spark.sparkContext
        # Warm-up: starts the Python workers and loads the binary into the page cache.
        spark_pipe(sc, engine_command(command), lines[:4], 2)
        runs = []
        load.append(load_average())
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            got = spark_pipe(sc, engine_command(command), lines, 4)
            runs.append(time.perf_counter() - t0)
            compare(lines, expected, got, got_name=f"spark {master}")
        spark.stop()
        results[master] = runs
    results["load"] = load
    print_timing(results, mb)
    (work / "spark-timing.json").write_text(json.dumps({"mb": mb, "records": len(lines), **results}))


if __name__ == "__main__":
    sys.exit(main())
