#!/usr/bin/env bash
# End-to-end check of the HTML view in a real browser. Not part of CI (it
# needs Chromium); see docs/render.md.
#
#   scripts/test-render.sh [OUT_DIR]
#
# Renders the gold seeds (and, once `lede render` exists, the seeds through
# the default pipeline) plus a hostile document, opens each page in headless
# Chromium, saves screenshots at laptop and phone width, and checks the DOM
# Chromium built against the JSONL annotations (scripts/render/check_dom.py).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/lede-render.XXXXXX")}"
mkdir -p "$OUT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing Debian's chromium"
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update && apt-get install -y chromium
    else
        sudo apt-get update && sudo apt-get install -y chromium
    fi
fi

echo "== building lede"
cargo build -q -p lede-cli
cargo build -q -p lede-render --example render_gold
LEDE="$CARGO_TARGET_DIR/debug/lede"
RENDER_GOLD="$CARGO_TARGET_DIR/debug/examples/render_gold"
HAVE_CLI_RENDER=0
if "$LEDE" render --help >/dev/null 2>&1; then
    HAVE_CLI_RENDER=1
fi

# Renders existing annotations: $1 JSONL, $2 HTML.
render_from() {
    if [ "$HAVE_CLI_RENDER" -eq 1 ]; then
        "$LEDE" render --from "$1" -o "$2"
    else
        "$RENDER_GOLD" "$1" "$2"
    fi
}

# Runs headless Chromium with a fresh profile and no network chatter.
chrome() {
    local profile
    profile="$(mktemp -d)"
    timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
    rm -rf "$profile"
}

# Opens page $1 (checked against JSONL $2): DOM dump, checks, screenshots.
check_page() {
    local page="$1" jsonl="$2" name
    name="$(basename "$page" .html)"
    shift 2
    chrome --dump-dom "file://$page" >"$OUT/$name.dom.html"
    python3 scripts/render/check_dom.py "$OUT/$name.dom.html" "$jsonl" "$@"
    chrome --window-size=1280,1800 --screenshot="$OUT/$name-laptop.png" "file://$page" >/dev/null
    chrome --window-size=390,2400 --screenshot="$OUT/$name-phone.png" "file://$page" >/dev/null
    python3 scripts/render/png_not_blank.py "$OUT/$name-laptop.png" "$OUT/$name-phone.png"
}

echo "== gold annotations"
render_from corpus/seeds/gold.jsonl "$OUT/gold.html"
check_page "$OUT/gold.html" corpus/seeds/gold.jsonl --title "lede · 5 documents"

echo "== seed 001 alone (the Cairo talks article)"
grep '"id": *"001_' corpus/seeds/gold.jsonl >"$OUT/gold-001.jsonl"
render_from "$OUT/gold-001.jsonl" "$OUT/gold-001.html"
check_page "$OUT/gold-001.html" "$OUT/gold-001.jsonl"

echo "== a document full of markup"
render_from scripts/render/hostile.jsonl "$OUT/hostile.html"
check_page "$OUT/hostile.html" scripts/render/hostile.jsonl --title "lede · 1 document"

if [ "$HAVE_CLI_RENDER" -eq 1 ]; then
    echo "== the default pipeline on corpus/seeds"
    "$LEDE" run corpus/seeds -o "$OUT/seeds.jsonl"
    "$LEDE" render corpus/seeds -o "$OUT/seeds.html"
    check_page "$OUT/seeds.html" "$OUT/seeds.jsonl"
else
    echo "== skipped: \`lede render\` is not in this build yet (gold pages were rendered by the render_gold example)"
fi

echo "== all checks passed; pages, DOM dumps and screenshots are in $OUT"
