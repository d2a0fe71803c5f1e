#!/usr/bin/env bash
# Runs each libFuzzer target for a set time: Fuzz/run.sh BUILD_DIR SECONDS TARGET...
# Exits non-zero (and names the saved input) when any target finds a crash, a leak,
# a timeout (10 s per input) or a run over 2 GB.
set -uo pipefail
dir=$1; seconds=$2; shift 2
export FUZZ_CALENDAR="$PWD/Tests/TradeScopeCLITests/Fixtures/data/sanctions/sanctions_dprk.yaml"
export FUZZ_SCRATCH="${TMPDIR:-/tmp}"
failed=0
for target in "$@"; do
  corpus="$dir/corpus/$target"; artifacts="$dir/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$dir/fuzz-$target.log"
  start=$(date +%s)
  "$dir/bin/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "Fuzz/corpus/$target" >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz $target: ${seconds}s requested, $(( $(date +%s) - start ))s run, ${runs:-?} inputs, exit $status"
  if [ $status -ne 0 ]; then
    failed=1
    grep -E 'ERROR|Fatal error|Test unit written|SUMMARY' "$log" | head -20
  fi
done
exit $failed
