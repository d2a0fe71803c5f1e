#!/usr/bin/env bash
# Writes the README's example charts, one of each kind, from the bundled data:
#   docs/img/chart-{trend,breaks,anomalies,decompose,forecast,index}.svg
# Each is the output of `tradescope <command> ... --format svg`; nothing is drawn by hand.
# Usage: Tools/docs-charts.sh [path/to/tradescope] [output directory]
set -euo pipefail
BIN=${1:-.build/debug/tradescope}
OUT=${2:-docs/img}
mkdir -p "$OUT"
run() { local name=$1; shift; "$BIN" "$@" --format svg --out "$OUT/chart-$name.svg" --force; }
run trend trend --hs 2701 --model loglinear --from 2007 --to 2017 --log-scale
run breaks breaks --hs 2701 --method bai-perron --min-segment 3 --from 2007 --to 2017
run anomalies anomalies --hs 2701 --freq monthly --method structural --from 2012-01
run decompose decompose --hs 2701 --freq monthly --from 2012-01
run forecast forecast --hs 2701 --from 2009 --to 2016 --horizon 3
run index index --hs 2701,2601 --from 2008 --to 2017
echo "docs-charts: wrote $(ls "$OUT"/chart-*.svg | wc -l) charts to $OUT"
