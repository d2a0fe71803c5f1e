#!/usr/bin/env bash
# Checks the HTML report as a person would, in headless Chromium (Debian's `chromium`):
#   1. the page loads with no console message and no uncaught script error;
#   2. clicking a pie slice shows its chapters (the page's `#drill=<id>` hash dispatches
#      a click on that slice, the same handler a mouse click runs);
#   3. a screenshot is written for a look (report.png beside the page).
# Usage: Tools/check-html.sh [path/to/tradescope] [output directory]
set -euo pipefail
BIN=${1:-.build/debug/tradescope}
OUT=${2:-.build/check-html}
BROWSER=${CHROMIUM:-chromium}
mkdir -p "$OUT"
PAGE="$(cd "$OUT" && pwd)/report.html"
"$BIN" report --format html --out "$PAGE" --force
FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000)
fail() { echo "check-html: FAIL: $*" >&2; exit 1; }

# 1. Load: no console output at all (the page logs nothing), ready marker set, no error marker.
"$BROWSER" "${FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$PAGE" >"$OUT/dom.html" 2>"$OUT/console.log" || fail "chromium did not run"
if grep -q 'CONSOLE' "$OUT/console.log"; then grep 'CONSOLE' "$OUT/console.log" >&2; fail "console messages while loading $PAGE"; fi
grep -q '<html[^>]*data-ready="1"' "$OUT/dom.html" || fail "the page script did not finish (no data-ready)"
ROOT=$(grep -o '<html[^>]*>' "$OUT/dom.html" | head -1)
case "$ROOT" in *data-js-errors*) fail "script error: $ROOT" ;; esac
grep -q '<div class="drill"[^>]* hidden' "$OUT/dom.html" || fail "drill-down panels are not hidden before a click"

# 2. Drill-down: click the first slice that has chapters; its panel must show, with chapter rows.
SLICE=$(grep -o 'data-drill="[^"]*"' "$PAGE" | head -1 | sed 's/data-drill="//; s/"$//')
[ -n "$SLICE" ] || fail "the pie has no slice with chapters"
"$BROWSER" "${FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$PAGE#drill=$SLICE" >"$OUT/drilled.html" 2>"$OUT/console-drill.log" || fail "chromium did not run"
if grep -q 'CONSOLE' "$OUT/console-drill.log"; then grep 'CONSOLE' "$OUT/console-drill.log" >&2; fail "console messages after the click"; fi
grep -q "<html[^>]*data-drilled=\"$SLICE\"" "$OUT/drilled.html" || fail "clicking slice $SLICE did not run the drill-down"
PANEL=$(grep -o "<div class=\"drill\" data-for=\"$SLICE\"[^>]*>" "$OUT/drilled.html")
case "$PANEL" in *hidden*|"") fail "panel of slice $SLICE still hidden after the click: $PANEL" ;; esac
CHAPTERS=$(sed -n "/<div class=\"drill\" data-for=\"$SLICE\"/,/<\/div>/p" "$OUT/drilled.html" | grep -c '<tr><td>' || true)
[ "$CHAPTERS" -ge 1 ] || fail "panel of slice $SLICE lists no chapters"

# 3. A screenshot to look at.
"$BROWSER" "${FLAGS[@]}" --screenshot="$OUT/report.png" --window-size=1400,2400 "file://$PAGE#drill=$SLICE" 2>/dev/null >/dev/null || fail "no screenshot"
echo "check-html: OK: $PAGE loads without console errors; slice $SLICE shows $CHAPTERS chapter row(s); screenshot $OUT/report.png"
