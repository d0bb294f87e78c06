#!/usr/bin/env bash
# Shared by bench.sh and bench-hosts.sh (sourced from the repository root): the tools a run needs, the machine line, and
# Release builds of the simulator and the CLI.
key='Authorization: Bearer perf-key'
jar=tools/wiremock/node_modules/wiremock/build/wiremock-standalone-3.13.2.jar
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ -f "$jar" ] || { echo "$jar is missing: npm ci --prefix tools/wiremock"; exit 1; }
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), dotnet $(dotnet --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
dotnet build -c Release -v q -nologo mockserver/Hailuo.MockServer >/dev/null
dotnet build -c Release -v q -nologo src/Hailuo.Cli >/dev/null
