#!/usr/bin/env bash
# Status-poll throughput, p99 latency and start-up time of the simulator and of real WireMock serving the exported
# mappings, one server at a time on loopback, in one run. Figures only: docs/PERFORMANCE.md says how to read them.
# Usage: tools/wiremock/bench.sh [seconds per wrk run, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
sim_port=5080
wm_port=5081
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

source tools/wiremock/bench-setup.sh

dotnet src/Hailuo.Cli/bin/Release/net10.0/hailuo.dll sim export-wiremock --out "$work/wiremock" --base-url "http://127.0.0.1:$wm_port" --format wiremock | head -1
submit_apimart='{"model":"MiniMax-Hailuo-02","prompt":"A cat","duration":5,"resolution":"768p"}'

# Milliseconds from process start until a submit is answered 200 (curl every 10 ms; ~10 ms resolution).
startup() {
  local port=$1 start=$2
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/videos/generations" -H "$key" -d "$submit_apimart")" = 200 ]; do sleep 0.01; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

run_wrk() { # label url
  wrk -t1 -c8 -d5s -H "$key" "$2" >/dev/null  # warm-up (JIT on both runtimes)
  for shape in "-t1 -c1" "-t2 -c64"; do
    # shellcheck disable=SC2086
    out=$(wrk $shape -d"${duration}s" --latency -H "$key" "$2")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' | xargs || true)
    printf '%-16s %-6s %12s %10s %10s %s\n' "$1" "${shape#* }" "$rps" "$p50" "$p99" "$errors"
  done
}

declare -A starts
for round in 1 2 3; do
  t=$(date +%s%N)
  mockserver/Hailuo.MockServer/bin/Release/net10.0/Hailuo.MockServer --urls "http://127.0.0.1:$sim_port" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
  pid=$!; pids+=("$pid")
  starts[sim]+="$(startup $sim_port "$t") "
  [ "$round" = 3 ] || { kill "$pid"; wait "$pid" 2>/dev/null || true; }
done
id=$(curl -s -X POST "http://127.0.0.1:$sim_port/v1/videos/generations" -H "$key" -d "$submit_apimart" | sed -E 's/.*"task_id":"([^"]+)".*/\1/')
sleep 5  # the standalone simulator runs on the system clock: the task completes 4 s after submit
echo "server           conns    requests/s        p50        p99"
run_wrk simulator "http://127.0.0.1:$sim_port/v1/tasks/$id"
kill "$pid"; wait "$pid" 2>/dev/null || true

# WireMock as it ships (its request journal keeps every request), then with the journal capped like the simulator's
# (10,000 entries), which costs WireMock most of its throughput.
for config in default capped; do
  opts=(); rounds="1 2 3"
  [ "$config" = capped ] && { opts=(--max-request-journal-entries 10000); rounds=3; }
  for round in $rounds; do
    t=$(date +%s%N)
    java -jar "$jar" --bind-address 127.0.0.1 --port "$wm_port" --root-dir "$work/wiremock" --disable-banner "${opts[@]}" >/dev/null 2>&1 &
    pid=$!; pids+=("$pid")
    ms=$(startup $wm_port "$t")
    [ "$config" = default ] && starts[wiremock]+="$ms "
    [ "$round" = 3 ] || { kill "$pid"; wait "$pid" 2>/dev/null || true; }
  done
  # The lifecycle scenario's completed state answers every poll with the completed status, as the simulator's task does.
  curl -s -X PUT "http://127.0.0.1:$wm_port/__admin/scenarios/apimart-lifecycle/state" -d '{"state":"Completed"}' >/dev/null
  wm_task=$(sed -nE 's/.*"urlPath": "\/v1\/tasks\/([^"]+)".*/\1/p' "$work/wiremock/mappings/apimart-lifecycle-05-poll-completed.json")
  run_wrk "wiremock-$config" "http://127.0.0.1:$wm_port/v1/tasks/$wm_task"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

echo "start-up to first answered submit (ms, 3 starts): simulator ${starts[sim]}| wiremock ${starts[wiremock]}"
