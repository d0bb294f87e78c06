#!/usr/bin/env bash
# Re-records the simulator's own contract snapshots (tests/contracts/simulator/) after a deliberate change to what it answers.
# The tests verify these folders against the simulator, so a change nobody re-recorded fails the build with a drift per field.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Hailuo.Cli/Hailuo.Cli.csproj -c Release -v quiet -nologo
for provider in apimart minimax; do
  dotnet src/Hailuo.Cli/bin/Release/net10.0/hailuo.dll contract record --provider "$provider" --sim --spend-cheapest --out "tests/contracts/simulator/$provider"
done
