"""Record-by-record comparison of two JSONL outputs of `lede run`.

The reference is a plain `lede run pipelines/news.toml -` over the input; the
other side is the same command driven by a cluster engine (Spark, Ray). Both
must hold exactly one line per input record, in input order, each with its
input's `id`, and every line must be the same JSON object (error messages
may differ only in the input line number they quote).

    python3 scripts/scale/compare.py input.jsonl expected.jsonl got.jsonl
"""

import json
import re
import statistics
import sys

# An error message names the line it came from as `stdin:N:`; under an engine
# N counts lines within one partition or batch, so it is not compared.
_LINE_PREFIX = re.compile(r"^stdin:\d+: ")


def _normalise(record):
    error = record.get("error")
    if isinstance(error, str):
        return dict(record, error=_LINE_PREFIX.sub("stdin:N: ", error))
    return record


class Mismatch(Exception):
    pass


def same_record(a, b):
    """True when two parsed output records are equal, error messages compared
    without their input line numbers."""
    return _normalise(a) == _normalise(b)


def _parse(line, where, n):
    try:
        value = json.loads(line)
    except ValueError as e:
        raise Mismatch(f"{where} line {n + 1} is not JSON ({e}): {line[:120]!r}")
    if not isinstance(value, dict):
        raise Mismatch(f"{where} line {n + 1} is not a JSON object")
    return value


def compare(input_lines, expected_lines, got_lines, got_name="got"):
    """Checks `got_lines` against `expected_lines` record by record.

    Returns a dict of counts; raises Mismatch with a readable message on the
    first difference. `input_lines` gives the ids both sides must carry, in
    order (records without an id are matched by position only).
    """
    n_in = len(input_lines)
    if len(expected_lines) != n_in:
        raise Mismatch(
            f"plain lede run wrote {len(expected_lines)} lines for {n_in} input records"
        )
    if len(got_lines) != n_in:
        raise Mismatch(f"{got_name} returned {len(got_lines)} lines for {n_in} input records")
    identical = 0
    errors = 0
    for n, (src, exp, got) in enumerate(zip(input_lines, expected_lines, got_lines)):
        want_id = json.loads(src).get("id")
        e = _parse(exp, "plain", n)
        g = _parse(got, got_name, n)
        if want_id is not None and e.get("id") != want_id:
            raise Mismatch(f"plain line {n + 1} has id {e.get('id')!r}, input has {want_id!r}")
        if want_id is not None and g.get("id") != want_id:
            raise Mismatch(f"{got_name} line {n + 1} has id {g.get('id')!r}, input has {want_id!r}")
        if not same_record(e, g):
            keys = sorted(k for k in set(e) | set(g) if e.get(k) != g.get(k))
            raise Mismatch(
                f"record {n + 1} (id {want_id!r}) differs from plain lede run in: {', '.join(keys)}"
            )
        if exp == got:
            identical += 1
        if "error" in g:
            errors += 1
    return {"records": n_in, "byte_identical": identical, "error_records": errors}


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    inp, exp, got = (read_lines(p) for p in sys.argv[1:])
    try:
        result = compare(inp, exp, got)
    except Mismatch as e:
        print(f"FAIL: {e}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
