#!/usr/bin/env bash
# Peak memory and wall time of `tradescope export --hs 27` (every format) against `sqlite3 -csv` on the
# same rows of the store's trade_records view (issue 16 item 3). Stores are ingested once from the
# generator's period-major Comtrade+ files (SYNTHETIC): generate/comtrade_plus.py --order period.
# Usage: Benchmarks/export_memory.sh BIN CSV... (release build of tradescope; one store per CSV, kept beside it)
set -euo pipefail
bin=$1; shift
measure() { # label, command: prints label, max RSS (MiB), wall (s), output lines
  local out; out=$( { /usr/bin/time -f '%M %e' bash -c "$2" > /tmp/export_memory.out; } 2>&1 | tail -1 )
  printf '| %s | %.1f MiB | %s s | %s |\n' "$1" "$(echo "$out" | awk '{print $1/1024}')" "$(echo "$out" | awk '{print $2}')" "$(wc -l < /tmp/export_memory.out)"
}
for csv in "$@"; do
  db=${csv%.csv}.sqlite
  [ -f "$db" ] || "$bin" ingest "$csv" --db "$db" > /dev/null
  records=$(sqlite3 "$db" 'SELECT count(*) FROM records')
  echo "store $db: $records records, $(du -m "$db" | cut -f1) MB"
  sqlite3 "$db" "SELECT count(*) FROM trade_records WHERE hs_code >= '27' AND hs_code < '28'" > /dev/null  # warm the page cache
  measure "sqlite3 -csv, HS 27 rows of trade_records" "sqlite3 -csv -header '$db' \"SELECT * FROM trade_records WHERE hs_code >= '27' AND hs_code < '28'\""
  measure "tradescope export --hs 27 (CSV)" "'$bin' export --db '$db' --hs 27"
  measure "tradescope export --hs 27 --format ndjson" "'$bin' export --db '$db' --hs 27 --format ndjson"
  measure "tradescope export --hs 27 --format json" "'$bin' export --db '$db' --hs 27 --format json"
  measure "tradescope export --hs 27 --wide --freq monthly" "'$bin' export --db '$db' --hs 27 --wide --freq monthly"
  measure "sqlite3 -csv, all rows" "sqlite3 -csv -header '$db' 'SELECT * FROM trade_records'"
  measure "tradescope export (CSV), all rows" "'$bin' export --db '$db'"
done
