"""Throughput of `Pipeline.pipe` against the `lede` CLI on the same input.

The input is the bench corpus `lede bench --repeat 118 corpus/seeds` holds:
the seed articles repeated to 590 documents. The CLI is timed as a whole
process (`lede run --jobs N corpus.jsonl > /dev/null`: start, read, process,
write JSON); `pipe` is timed from the first text handed in to the last Doc
out, and once more asking each Doc for its JSON line (`pipe+json`, the work
the CLI does for its output). Rounds alternate between the two so a loaded machine slows both alike;
the best round of each is reported, in MB/s of input text (10^6 bytes).

    python python/bench/pipe_throughput.py [--lede target/release/lede] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import tempfile
import time

import lede

REPO = pathlib.Path(__file__).resolve().parents[2]
REPEAT = 118


def corpus() -> list[tuple[str, str]]:
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((REPO / "corpus" / "seeds").glob("*.txt"))]
    return seeds * REPEAT


def time_cli(binary: str, path: str, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run([binary, "run", "--jobs", str(jobs), path], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def time_pipe(nlp: lede.Pipeline, texts: list[str], jobs: int, as_json: bool = False) -> float:
    started = time.perf_counter()
    if as_json:
        count = sum(1 for doc in nlp.pipe(texts, jobs=jobs) if doc.to_json())
    else:
        count = sum(1 for _ in nlp.pipe(texts, jobs=jobs))
    elapsed = time.perf_counter() - started
    assert count == len(texts)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lede", default=str(REPO / "target" / "release" / "lede"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    docs = corpus()
    texts = [text for _, text in docs]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    nlp = lede.Pipeline()
    best: dict[str, float] = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as jsonl:
        for doc_id, text in docs:
            jsonl.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        jsonl.flush()
        for _ in range(args.rounds):
            for jobs in (1, 2):
                for name, seconds in (
                    (f"cli jobs={jobs}", time_cli(args.lede, jsonl.name, jobs)),
                    (f"pipe jobs={jobs}", time_pipe(nlp, texts, jobs)),
                    (f"pipe+json jobs={jobs}", time_pipe(nlp, texts, jobs, as_json=True)),
                ):
                    best[name] = min(best.get(name, float("inf")), seconds)
    print(f"{len(texts)} documents, {megabytes:.2f} MB, best of {args.rounds} rounds")
    for name, seconds in best.items():
        print(f"{name:<17} {seconds:7.3f} s {megabytes / seconds:7.2f} MB/s")
    print(f"pipe jobs=1 / cli jobs=1: {best['cli jobs=1'] / best['pipe jobs=1']:.1%}")
    print(f"pipe jobs=2 / pipe jobs=1: {best['pipe jobs=1'] / best['pipe jobs=2']:.2f}x")


if __name__ == "__main__":
    main()
