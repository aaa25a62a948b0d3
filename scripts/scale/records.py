"""Turns the seed articles in corpus/seeds/*.txt into JSONL input records.

Each article becomes one record {"id", "text", "url"}, and each of its
non-empty paragraphs (lines) becomes a record of its own, so the checks have
enough records to spread over several partitions. `--repeat N` copies the whole
set N times with distinct ids, for timing runs. `--bad` appends one record
without a `text` field, which `lede run --on-error record` must answer with an
error record in its place.

    python3 scripts/scale/records.py corpus/seeds > records.jsonl
"""

import argparse
import json
import sys
from pathlib import Path


def seed_records(seeds_dir, paragraphs=True):
    """Yields the records for every *.txt file in `seeds_dir`, sorted by name."""
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        stem = path.stem
        url = f"corpus/seeds/{path.name}"
        yield {"id": stem, "text": text, "url": url}
        if paragraphs:
            for n, line in enumerate(text.split("\n")):
                if line.strip():
                    yield {"id": f"{stem}/p{n:02}", "text": line, "url": f"{url}#p{n:02}"}


def make_records(seeds_dir, repeat=1, paragraphs=True, bad=False):
    """The full list of input records (dicts), in input order."""
    base = list(seed_records(seeds_dir, paragraphs))
    if not base:
        raise SystemExit(f"no *.txt files in {seeds_dir}")
    if repeat == 1:
        records = base
    else:
        records = [
            dict(r, id=f"{r['id']}#r{k:03}") for k in range(repeat) for r in base
        ]
    if bad:
        # One record the runner cannot read: no `text` field.
        records.append({"id": "bad/no-text", "url": "nowhere"})
    return records


def to_lines(records):
    """One compact JSON object per record, without newlines."""
    return [json.dumps(r, ensure_ascii=False) for r in records]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seeds", help="directory with the seed *.txt files")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--articles-only", action="store_true",
                    help="one record per article, no paragraph records")
    ap.add_argument("--bad", action="store_true",
                    help="append one record without text")
    args = ap.parse_args()
    records = make_records(args.seeds, args.repeat, not args.articles_only, args.bad)
    out = sys.stdout
    for line in to_lines(records):
        out.write(line + "\n")


if __name__ == "__main__":
    main()
