#!/usr/bin/env bash
# Peak memory, CPU time and wall time of `tradescope export --hs 27` (every format) against `sqlite3 -csv` on the
# same rows of the store's trade_records view (issue 16 item 3). Stores are ingested once from the
# generator's period-major Comtrade+ files (SYNTHETIC): generate/comtrade_plus.py --order period.
# Usage: [RUNS=5] [ALL_ROWS=1] Benchmarks/export_memory.sh BIN CSV...
#   BIN: a release build of tradescope (it finds Data/ beside it, or set TRADESCOPE_DATA); one store per CSV,
#   kept beside it. Each command runs RUNS times (default 1); the medians of CPU (user + system) and wall
#   time and the largest peak resident set are printed. ALL_ROWS=1 adds the export of every row.
set -euo pipefail
bin=$1; shift
runs=${RUNS:-1}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() { # label, command: prints label, max RSS (MiB), median CPU (s), median wall (s), output lines, output MB
  local cpu=() wall=() rss=0 out
  for _ in $(seq "$runs"); do
    out=$( { /usr/bin/time -f '%M %U %S %e' bash -c "$2" > /tmp/export_memory.out; } 2>&1 | tail -1 )
    read -r m u s e <<< "$out"
    cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')"); wall+=("$e"); (( m > rss )) && rss=$m
  done
  printf '| %s | %.1f MiB | %s s | %s s | %s | %.1f MB |\n' "$1" "$(echo "$rss" | awk '{print $1/1024}')" \
    "$(printf '%s\n' "${cpu[@]}" | median)" "$(printf '%s\n' "${wall[@]}" | median)" "$(wc -l < /tmp/export_memory.out)" \
    "$(wc -c < /tmp/export_memory.out | awk '{print $1/1e6}')"
}
for csv in "$@"; do
  db=${csv%.csv}.sqlite
  [ -f "$db" ] || "$bin" ingest "$csv" --db "$db" > /dev/null
  records=$(sqlite3 "$db" 'SELECT count(*) FROM records')
  echo "store $db: $records records, $(du -m "$db" | cut -f1) MB; $runs run(s) each"
  echo "| command | peak memory | CPU | wall | output lines | output |"
  echo "|---|---|---|---|---|---|"
  sqlite3 "$db" "SELECT count(*) FROM trade_records WHERE hs_code >= '27' AND hs_code < '28'" > /dev/null  # warm the page cache
  measure "sqlite3 -csv, HS 27 rows of trade_records" "sqlite3 -csv -header '$db' \"SELECT * FROM trade_records WHERE hs_code >= '27' AND hs_code < '28'\""
  measure "tradescope export --hs 27 (CSV)" "'$bin' export --db '$db' --hs 27"
  measure "tradescope export --hs 27 --format ndjson" "'$bin' export --db '$db' --hs 27 --format ndjson"
  measure "tradescope export --hs 27 --format json" "'$bin' export --db '$db' --hs 27 --format json"
  measure "tradescope export --hs 27 --wide --freq monthly" "'$bin' export --db '$db' --hs 27 --wide --freq monthly"
  if [ -n "${ALL_ROWS:-}" ]; then
    measure "sqlite3 -csv, all rows" "sqlite3 -csv -header '$db' 'SELECT * FROM trade_records'"
    measure "tradescope export (CSV), all rows" "'$bin' export --db '$db'"
  fi
done
