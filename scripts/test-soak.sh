#!/usr/bin/env bash
# npm run test:soak: the README's test command, five times in a row on a fresh clone of HEAD,
# the last three with both cores kept busy by other work, as on a shared CI machine. Prints each
# run's result and time, and exits 0 only when all five pass. Takes an hour or more.
#
#   SOAK_RUNS=5 SOAK_BUSY_FROM=3 npm run test:soak
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${SOAK_RUNS:-5}
busy_from=${SOAK_BUSY_FROM:-3}
cores=$(nproc)
work=$(mktemp -d /tmp/plan-soak-XXXXXX)
hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null; done
  hogs=()
}
trap 'stop_hogs; rm -rf "$work"' EXIT

git clone --quiet "$(pwd)" "$work/clone"
cd "$work/clone"
echo "soak: $(git rev-parse --short HEAD), $runs runs, busy from run $busy_from, $cores cores"
npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1 || {
  echo "soak: npm ci failed; see $work/npm-ci.log"
  exit 1
}

results=()
passed=0
for run in $(seq 1 "$runs"); do
  git clean -fdxq -e node_modules
  load=quiet
  if [ "$run" -ge "$busy_from" ]; then
    load="busy ($cores CPU hogs)"
    # stress-ng (Debian) when installed, else busy node loops: either takes every core.
    for _ in $(seq 1 "$cores"); do
      if command -v stress-ng >/dev/null; then
        stress-ng --cpu 1 --quiet &
      else
        node -e 'for (;;) {}' &
      fi
      hogs+=($!)
    done
  fi
  started=$(date +%s)
  if npm test >"$work/run-$run.log" 2>&1; then
    outcome=pass
    passed=$((passed + 1))
  else
    outcome=FAIL
    cp "$work/run-$run.log" "/tmp/plan-soak-run-$run.log"
  fi
  stop_hogs
  seconds=$(($(date +%s) - started))
  line="run $run  $load  $outcome  $((seconds / 60))m$((seconds % 60))s"
  [ "$outcome" = FAIL ] && line="$line  (log: /tmp/plan-soak-run-$run.log)"
  results+=("$line")
  echo "soak: $line"
done

echo
printf '%s\n' "${results[@]}"
echo "soak: $passed of $runs passed"
[ "$passed" -eq "$runs" ]
