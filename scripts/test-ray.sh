#!/usr/bin/env bash
# Integration test: `lede run pipelines/news.toml -` under Ray Data.
#
# Drives the binary from Dataset.map_batches (one lede process per batch,
# JSONL in and out) over the seed articles (and their paragraphs) on a local
# Ray with 2 CPUs, and checks that every record equals the plain `lede run`
# output; then the columns way (read_json -> rows as JSON -> lede). Heavy:
# not part of `cargo test` or CI. See docs/scale-out.md.
#
#   scripts/test-ray.sh            # the check
#   scripts/test-ray.sh --timing   # and 1 vs 2 CPU timings
#
# Installs ray[data] into target/venv-scale; needs Python 3.10+ and cargo.
# LEDE=/path/to/lede skips the build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scale/setup.sh"

make_venv
build_lede

# Ray sends no usage reports from here.
export RAY_USAGE_STATS_ENABLED=0
work="$root/target/scale/ray"
exec "$VENV_PY" "$root/scripts/scale/ray_check.py" \
    --lede "$LEDE" \
    --pipeline "$root/pipelines/news.toml" \
    --seeds "$root/corpus/seeds" \
    --work "$work" \
    --bad "${LEDE_RUN_ARGS[@]}" \
    --cpus 2 "$@"
