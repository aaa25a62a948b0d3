#!/usr/bin/env bash
# Integration test: `lede run pipelines/news.toml -` under Apache Spark.
#
# Runs the JSONL streaming contract through PySpark's RDD.pipe on a local[2]
# master over the seed articles (and their paragraphs) and checks that every
# record equals the plain `lede run` output; then goes the DataFrame way
# (JSON strings -> from_json). Heavy (PySpark, a JVM): not part of
# `cargo test` or CI. See docs/scale-out.md.
#
#   scripts/test-spark.sh            # the check
#   scripts/test-spark.sh --timing   # and local[1] vs local[2] timings
#
# Installs PySpark into target/venv-scale; needs Python 3.10+, Java 17+ and
# cargo. LEDE=/path/to/lede skips the build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scale/setup.sh"

need_java17
make_venv
build_lede

work="$root/target/scale/spark"
exec "$VENV_PY" "$root/scripts/scale/spark_check.py" \
    --lede "$LEDE" \
    --pipeline "$root/pipelines/news.toml" \
    --seeds "$root/corpus/seeds" \
    --work "$work" \
    --bad "${LEDE_RUN_ARGS[@]}" \
    --master 'local[2]' "$@"
