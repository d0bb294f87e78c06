#!/usr/bin/env bash
# Task-status poll throughput and memory of four servers, one at a time on 127.0.0.1, in one run: the simulator on
# WireMock.Net, a WireMock.Net static stub with the same bytes and log cap, Java WireMock 3.13.2 on the export, and
# bare Kestrel with the same bytes (the floor); then the simulator's in-process cold start. Every run is bounded in time.
# Usage: tools/wiremock/bench-hosts.sh [seconds per wrk run, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
hosts=tools/wiremock/hosts
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source tools/wiremock/bench-setup.sh
for app in StaticStub BareKestrel ColdStart; do dotnet build -c Release -v q -nologo "$hosts/$app.cs" -o "$work/$app" >/dev/null; done
dotnet src/Hailuo.Cli/bin/Release/net10.0/hailuo.dll sim export-wiremock --out "$work/wiremock" --base-url "http://127.0.0.1:5081" --format wiremock >/dev/null

wait_for() { for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done; echo "port $1 did not open"; exit 1; }
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$1/status"; }
run_wrk() { # label url
  wrk -t1 -c8 -d5s -H "$key" "$2" >/dev/null  # warm-up (JIT on both runtimes)
  for shape in "-t1 -c1" "-t2 -c64"; do
    # shellcheck disable=SC2086
    out=$(timeout $((duration + 30)) wrk $shape -d"${duration}s" --latency -H "$key" "$2")
    printf '%-22s %-6s %12s %10s %10s %s\n' "$1" "${shape#* }" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" "$(echo "$out" | grep -E 'Non-2xx|Socket errors' | xargs || true)"
  done
  echo "$1 resident memory after the runs: $(rss "$pid")"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "server                 conns    requests/s        p50        p99"
mockserver/Hailuo.MockServer/bin/Release/net10.0/Hailuo.MockServer --urls http://127.0.0.1:5080 >/dev/null 2>&1 &
pid=$!; wait_for 5080
id=$(curl -s -X POST http://127.0.0.1:5080/v1/videos/generations -H "$key" -d '{"model":"MiniMax-Hailuo-02","prompt":"A cat"}' | sed -E 's/.*"task_id":"([^"]+)".*/\1/')
sleep 5  # the standalone simulator runs on the system clock: the task completes 4 s after submit
curl -s "http://127.0.0.1:5080/v1/tasks/$id" -H "$key" > "$work/status.json"
run_wrk simulator-wiremock.net "http://127.0.0.1:5080/v1/tasks/$id"; stop

dotnet "$work/StaticStub/StaticStub.dll" 5082 "$work/status.json" >/dev/null 2>&1 & pid=$!; wait_for 5082
run_wrk wiremock.net-static "http://127.0.0.1:5082/v1/tasks/$id"; stop

java -jar "$jar" --bind-address 127.0.0.1 --port 5081 --root-dir "$work/wiremock" --disable-banner --max-request-journal-entries 1000 >/dev/null 2>&1 &
pid=$!; wait_for 5081
curl -s -X PUT "http://127.0.0.1:5081/__admin/scenarios/apimart-lifecycle/state" -d '{"state":"Completed"}' >/dev/null
wm_task=$(sed -nE 's/.*"urlPath": "\/v1\/tasks\/([^"]+)".*/\1/p' "$work/wiremock/mappings/apimart-lifecycle-05-poll-completed.json")
run_wrk java-wiremock-export "http://127.0.0.1:5081/v1/tasks/$wm_task"; stop

dotnet "$work/BareKestrel/BareKestrel.dll" 5083 "$work/status.json" >/dev/null 2>&1 & pid=$!; wait_for 5083
run_wrk bare-kestrel "http://127.0.0.1:5083/v1/tasks/$id"; stop

for mode in sim split scan; do for _ in 1 2 3; do dotnet "$work/ColdStart/ColdStart.dll" "$mode" 2; done; done
