#!/usr/bin/env bash
# Run the UI tests N times in a row (default 20), headless, and stop at the first failing run.
#
#   scripts/repeat_ui_tests.sh [N] [LOG]
#
# Each run's pytest summary line is appended to LOG (default ui-repeat.log) with its number and wall time; a
# failing run's whole output is kept next to it (LOG.run<i>.txt) so the flake can be read afterwards. Runs
# from the tree the script lives in, with that tree's .venv. Exit 0 when all N runs passed, 1 otherwise.
# UI_REPEAT_WORKERS=2 runs each in two processes (pytest-xdist, -n 2 --dist loadfile). The runs write in a
# run folder of their own (KLOGS_TEST_RUN_DIR, tests/conftest.py), so a test run in the same checkout at the
# same time is not disturbed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
log="${2:-ui-repeat.log}"
export QT_QPA_PLATFORM=offscreen
run_dir="$(mktemp -d -t klogs-desk-ui-repeat-XXXXXX)"
trap 'rm -rf "$run_dir"' EXIT
export KLOGS_TEST_RUN_DIR="$run_dir/run"
workers=()
if [ -n "${UI_REPEAT_WORKERS:-}" ]; then
  workers=(-n "$UI_REPEAT_WORKERS" --dist loadfile)
fi

echo "# $(date -u +%FT%TZ) $runs runs of tests/ui ${workers[*]} at $(git rev-parse --short HEAD 2>/dev/null || echo '?')" >>"$log"
for i in $(seq 1 "$runs"); do
  out="$(mktemp)"
  start=$(date +%s)
  .venv/bin/python -m pytest -q -p no:cacheprovider "${workers[@]}" tests/ui >"$out" 2>&1
  rc=$?
  summary="$(grep -E '^=* ?[0-9]+ (passed|failed|error)|(passed|failed|error).* in [0-9.]+s' "$out" | tail -1)"
  echo "run $i/$runs rc=$rc wall=$(( $(date +%s) - start ))s $summary" >>"$log"
  if [ "$rc" -ne 0 ]; then
    cp "$out" "$log.run$i.txt"
    rm -f "$out"
    echo "# stopped: run $i failed after $((i - 1)) green runs in a row (output: $log.run$i.txt)" >>"$log"
    exit 1
  fi
  rm -f "$out"
done
echo "# all $runs runs green" >>"$log"
