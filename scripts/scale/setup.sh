# Shared set-up for scripts/test-spark.sh and scripts/test-ray.sh (sourced).
#
# - makes the virtual environment target/venv-scale and installs
#   scripts/scale/requirements.txt into it (once; again when the file changes),
# - builds the lede binary in release mode, unless LEDE names one already,
# - sets VENV_PY, LEDE and LEDE_RUN_ARGS for the caller.
#
# target/ is ignored by git, so nothing here dirties the tree.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv="$root/target/venv-scale"
requirements="$root/scripts/scale/requirements.txt"

say() { printf '== %s\n' "$*" >&2; }

make_venv() {
    local python=${PYTHON:-python3}
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
        say "need Python 3.10 or newer as \$PYTHON or python3"
        exit 2
    fi
    if [ ! -x "$venv/bin/python" ]; then
        say "creating $venv"
        "$python" -m venv "$venv" || {
            say "python3 -m venv failed (on Debian: apt-get install python3-venv)"
            exit 2
        }
    fi
    if ! cmp -s "$requirements" "$venv/requirements.installed"; then
        say "installing $(grep -v '^#' "$requirements" | tr '\n' ' ')(about 1 GB, once)"
        "$venv/bin/python" -m pip install --quiet --progress-bar off -r "$requirements"
        cp "$requirements" "$venv/requirements.installed"
    fi
    VENV_PY="$venv/bin/python"
}

need_java17() {
    local version
    version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1 || true)
    if [ -z "$version" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "no Java runtime: installing openjdk-17-jre-headless"
        apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
        version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1 || true)
    fi
    if [ -z "$version" ] || [ "$version" -lt 17 ]; then
        say "PySpark 4 needs Java 17 or newer on PATH (found: ${version:-none})"
        exit 2
    fi
}

build_lede() {
    if [ -n "${LEDE:-}" ]; then
        say "using LEDE=$LEDE"
        return
    fi
    say "cargo build --release -p lede-cli"
    (cd "$root" && cargo build --quiet --release -p lede-cli)
    LEDE="${CARGO_TARGET_DIR:-$root/target}/release/lede"
}

# What every check passes to `lede run PIPELINE -`: error records instead of
# stopping, and the `url` input field carried through to the output.
LEDE_RUN_ARGS=(--lede-arg=--on-error --lede-arg=record --lede-arg=--keep --lede-arg=url)
