#!/usr/bin/env bash
# Checks every HTML page type as a reader sees it, in headless Chromium (Debian's `chromium`):
# the report and the page of each analysis command (trend, breaks, anomalies, decompose,
# forecast, index), each at 1280 and 390 px wide:
#   1. the page loads with no console message and no uncaught script error;
#   2. no text overflows its box: no horizontal scrolling of the page, no element sticking out of
#      the page's main column (wide tables sit in scroll boxes, which must fit; their content
#      scrolls), and no SVG text outside its chart;
#   3. the report's pie drill-down works (a click on a slice shows its chapters);
#   4. a screenshot of each page at each width lands in the output directory (<page>-<width>.png).
# The checks run in a copy of each page with a measuring script appended (the page's CSP allows
# inline scripts); the script writes what it finds into attributes of <html> for --dump-dom.
# Usage: Tools/check-html.sh [path/to/tradescope] [output directory]
set -euo pipefail
BIN=${1:-.build/debug/tradescope}
OUT=${2:-.build/check-html}
BROWSER=${CHROMIUM:-chromium}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000)
fail() { echo "check-html: FAIL: $*" >&2; exit 1; }
START=$(date +%s)

# The pages: name and command (bundled data; windows the analyses accept).
PAGES=(
  "report|report"
  "trend|trend --hs 2701 --model loglinear"
  "breaks|breaks --hs 2701 --method bai-perron --min-segment 3 --from 2007 --to 2017"
  "anomalies|anomalies --hs 2701 --freq monthly --method structural"
  "decompose|decompose --hs 2701 --freq monthly"
  "forecast|forecast --hs 2701 --from 2009 --to 2016 --horizon 3"
  "index|index --hs 2701,2601,2607"
)

MEASURE='<script>
(function(){
  var root=document.documentElement, problems=[];
  function describe(el){var t=(el.textContent||"").trim().replace(/\s+/g," ");return el.tagName.toLowerCase()+(el.className&&el.className.baseVal===undefined?"."+el.className:"")+" \""+t.slice(0,60)+"\"";}
  function scrollBox(el){for(var p=el.parentElement;p;p=p.parentElement){var s=getComputedStyle(p);if(s.overflowX==="auto"||s.overflowX==="scroll"||s.overflowX==="hidden"){return p;}}return null;}
  function check(){
    var width=document.documentElement.clientWidth;
    if(document.documentElement.scrollWidth>width+1){problems.push("page scrolls sideways: "+document.documentElement.scrollWidth+" > "+width);}
    var main=document.querySelector("main")||document.body, mainRect=main.getBoundingClientRect();
    var all=document.querySelectorAll("main *:not(svg):not(svg *)");
    for(var i=0;i<all.length;i++){
      var el=all[i]; if(!el.textContent.trim()){continue;}
      // Inside a scroll box (a wide table) content may run past the visible part: it scrolls.
      if(scrollBox(el)){continue;}
      var r=el.getBoundingClientRect(), style=getComputedStyle(el);
      if(r.width===0){continue;}
      if(r.right>mainRect.right+1||r.left<mainRect.left-1){problems.push("sticks out of its box: "+describe(el)+" ("+Math.round(r.left)+".."+Math.round(r.right)+" vs "+Math.round(mainRect.left)+".."+Math.round(mainRect.right)+")");}
      var scrolls=style.overflowX==="auto"||style.overflowX==="scroll";
      if(!scrolls&&el.scrollWidth>el.clientWidth+1&&style.display!=="inline"){problems.push("text wider than its box: "+describe(el));}
    }
    var svgs=document.querySelectorAll("svg");
    for(var j=0;j<svgs.length;j++){
      var frame=svgs[j].getBoundingClientRect(); if(frame.width===0){continue;}
      var texts=svgs[j].querySelectorAll("text");
      for(var k=0;k<texts.length;k++){
        var b=texts[k].getBoundingClientRect(); if(b.width===0){continue;}
        if(b.left<frame.left-1||b.right>frame.right+1||b.top<frame.top-1||b.bottom>frame.bottom+1){problems.push("SVG text outside its chart: "+describe(texts[k])+" ("+Math.round(b.left-frame.left)+".."+Math.round(b.right-frame.left)+" of "+Math.round(frame.width)+" px)");}
      }
    }
    root.setAttribute("data-overflow",String(problems.length));
    var list=document.createElement("pre");list.id="check-html-problems";list.textContent=problems.join("\n");document.body.appendChild(list);
  }
  if(document.readyState==="complete"){check();}else{window.addEventListener("load",check);}
})();
</script>'

FAILURES=0
for entry in "${PAGES[@]}"; do
  NAME=${entry%%|*}
  COMMAND=${entry#*|}
  PAGE="$OUT/$NAME.html"
  # shellcheck disable=SC2086
  "$BIN" $COMMAND --format html --out "$PAGE" --force || fail "tradescope $COMMAND --format html failed"
  CONTENT=$(cat "$PAGE")
  { printf '%s' "${CONTENT%</body>*}"; printf '%s' "$MEASURE"; printf '</body>%s\n' "${CONTENT##*</body>}"; } >"$OUT/$NAME.check.html"
  for WIDTH in 1280 390; do
    LOG="$OUT/$NAME-$WIDTH.console.log"
    DOM="$OUT/$NAME-$WIDTH.dom.html"
    "$BROWSER" "${FLAGS[@]}" --window-size=$WIDTH,2000 --enable-logging=stderr --v=0 --dump-dom "file://$OUT/$NAME.check.html" >"$DOM" 2>"$LOG" || fail "chromium did not run on $PAGE"
    if grep -q 'CONSOLE' "$LOG"; then grep 'CONSOLE' "$LOG" >&2; echo "check-html: FAIL: console messages on $NAME at $WIDTH px" >&2; FAILURES=$((FAILURES + 1)); fi
    ROOT=$(grep -o '<html[^>]*>' "$DOM" | head -1)
    case "$ROOT" in *data-ready=\"1\"*) ;; *) echo "check-html: FAIL: $NAME at $WIDTH px: the page script did not finish (no data-ready)" >&2; FAILURES=$((FAILURES + 1)) ;; esac
    case "$ROOT" in *data-js-errors*) echo "check-html: FAIL: $NAME at $WIDTH px: script error: $ROOT" >&2; FAILURES=$((FAILURES + 1)) ;; esac
    COUNT=$(printf '%s' "$ROOT" | sed -n 's/.*data-overflow="\([0-9]*\)".*/\1/p')
    if [ -z "$COUNT" ]; then echo "check-html: FAIL: $NAME at $WIDTH px: the overflow check did not run" >&2; FAILURES=$((FAILURES + 1));
    elif [ "$COUNT" != 0 ]; then
      echo "check-html: FAIL: $NAME at $WIDTH px: $COUNT overflow(s):" >&2
      sed -n '/<pre id="check-html-problems">/,/<\/pre>/p' "$DOM" | sed 's/<[^>]*>//g' | head -20 >&2
      FAILURES=$((FAILURES + 1))
    fi
    "$BROWSER" "${FLAGS[@]}" --screenshot="$OUT/$NAME-$WIDTH.png" --window-size=$WIDTH,2400 "file://$PAGE" >/dev/null 2>&1 || fail "no screenshot of $PAGE at $WIDTH px"
  done
done

# The report's drill-down: click the first slice that has chapters; its panel must show, with chapter rows.
PAGE="$OUT/report.html"
grep -q '<div class="drill"[^>]* hidden' "$PAGE" || fail "drill-down panels are not hidden before a click"
SLICE=$(grep -o 'data-drill="[^"]*"' "$PAGE" | head -1 | sed 's/data-drill="//; s/"$//')
[ -n "$SLICE" ] || fail "the pie has no slice with chapters"
"$BROWSER" "${FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$PAGE#drill=$SLICE" >"$OUT/drilled.html" 2>"$OUT/console-drill.log" || fail "chromium did not run"
if grep -q 'CONSOLE' "$OUT/console-drill.log"; then grep 'CONSOLE' "$OUT/console-drill.log" >&2; fail "console messages after the click"; fi
grep -q "<html[^>]*data-drilled=\"$SLICE\"" "$OUT/drilled.html" || fail "clicking slice $SLICE did not run the drill-down"
PANEL=$(grep -o "<div class=\"drill\" data-for=\"$SLICE\"[^>]*>" "$OUT/drilled.html")
case "$PANEL" in *hidden*|"") fail "panel of slice $SLICE still hidden after the click: $PANEL" ;; esac
CHAPTERS=$(sed -n "/<div class=\"drill\" data-for=\"$SLICE\"/,/<\/div>/p" "$OUT/drilled.html" | grep -c '<tr><td>' || true)
[ "$CHAPTERS" -ge 1 ] || fail "panel of slice $SLICE lists no chapters"
"$BROWSER" "${FLAGS[@]}" --screenshot="$OUT/report-drilled.png" --window-size=1280,2400 "file://$PAGE#drill=$SLICE" >/dev/null 2>&1 || fail "no screenshot"

[ "$FAILURES" -eq 0 ] || fail "$FAILURES problem(s) above; screenshots in $OUT"
echo "check-html: OK: ${#PAGES[@]} pages at 1280 and 390 px without console errors or overflowing text; slice $SLICE shows $CHAPTERS chapter row(s); screenshots in $OUT ($(( $(date +%s) - START )) s)"
