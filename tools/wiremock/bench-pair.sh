#!/usr/bin/env bash
# Task-status polls on the simulator and on the WireMock.Net static stub, both running, in alternating rounds of
# `wrk -t2 -c64`, with each server's CPU per request (user+sys clock ticks from /proc/PID/stat over the round ÷ requests):
# on shared cores requests/s move with the load, CPU per request much less. Bounded in time.
# Usage: tools/wiremock/bench-pair.sh [rounds, default 3] [seconds per round, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
duration=${2:-10}
key='Authorization: Bearer perf-key'
work=$(mktemp -d)
sim= stub=
cleanup() { for p in $sim $stub; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
dotnet build -c Release -v q -nologo mockserver/Hailuo.MockServer >/dev/null
dotnet build -c Release -v q -nologo tools/wiremock/hosts/StaticStub.cs -o "$work/StaticStub" >/dev/null

wait_for() { for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done; echo "port $1 did not open"; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

mockserver/Hailuo.MockServer/bin/Release/net10.0/Hailuo.MockServer --urls http://127.0.0.1:5090 >/dev/null 2>&1 &
sim=$!; wait_for 5090
id=$(curl -s -X POST http://127.0.0.1:5090/v1/videos/generations -H "$key" -d '{"model":"MiniMax-Hailuo-02","prompt":"A cat"}' | sed -E 's/.*"task_id":"([^"]+)".*/\1/')
sleep 5  # the standalone simulator runs on the system clock: the task completes 4 s after submit
curl -s "http://127.0.0.1:5090/v1/tasks/$id" -H "$key" > "$work/status.json"
dotnet "$work/StaticStub/StaticStub.dll" 5092 "$work/status.json" >/dev/null 2>&1 &
stub=$!; wait_for 5092
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "response bytes: simulator $(curl -s -D - "http://127.0.0.1:5090/v1/tasks/$id" -H "$key" | wc -c), stub $(curl -s -D - "http://127.0.0.1:5092/v1/tasks/$id" -H "$key" | wc -c) (headers and body)"
# warm-up: 10 s at the measured shape, so tiered JIT has promoted the hot path of both before the first round
for port in 5090 5092; do wrk -t2 -c64 -d10s -H "$key" "http://127.0.0.1:$port/v1/tasks/$id" >/dev/null; done

round() { # label pid port
  local before after out requests
  before=$(ticks "$2")
  out=$(timeout $((duration + 30)) wrk -t2 -c64 -d"${duration}s" -H "$key" "http://127.0.0.1:$3/v1/tasks/$id")
  after=$(ticks "$2")
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  printf '%-10s %10s req/s %8.1f µs CPU/request %s\n' "$1" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "($after - $before) * 1000000 / $hz / $requests" | bc -l)" "$(echo "$out" | grep -E 'Non-2xx|Socket errors' | xargs || true)"
}
for r in $(seq 1 "$rounds"); do
  echo "round $r, load $(cut -d' ' -f1-3 /proc/loadavg)"
  round simulator "$sim" 5090
  round stub "$stub" 5092
done
