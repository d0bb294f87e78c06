#!/usr/bin/env bash
# One entry point on a fresh machine with the .NET 10 SDK: `bash build.sh test` installs what the tests need
# beyond the SDK (ffprobe from ffmpeg, Debian's postgresql, Java 17 and the WireMock jar for the interop tests, MiniMax's pinned npm client), then builds and tests.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "build.sh: $*"; }

apt_updated=no
can_apt() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; }

# Installs Debian packages; says what to install by hand when this machine cannot (no apt-get, or not root).
apt_install() {
  if ! can_apt; then
    say "cannot install $* here (needs root and apt-get); install it yourself, e.g. 'sudo apt-get install $*'"
    return 1
  fi
  say "installing $*"
  if [ "$apt_updated" = no ]; then
    apt-get update -qq >/dev/null || { say "apt-get update failed; $* not installed"; return 1; }
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || { say "could not install $*"; return 1; }
}

set_up() {
  # The MP4 tests check every video with ffprobe, an independent reader.
  command -v ffprobe >/dev/null 2>&1 || apt_install ffmpeg
  # The contact sheet's text is drawn by ffmpeg's drawtext in DejaVu Sans.
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_install fonts-dejavu-core
  # The PostgreSQL ledger's tests start a throwaway cluster of their own from Debian's server (initdb, pg_ctl), run as its postgres user.
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_install postgresql
  # Real WireMock (tools/wiremock) is a Java 17 jar.
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless || { can_apt && apt_install default-jre-headless; }
  # npm's wiremock package bundles the standalone jar, pinned by tools/wiremock/package-lock.json.
  if [ ! -f tools/wiremock/node_modules/wiremock/build/wiremock-standalone-3.13.2.jar ]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    if command -v npm >/dev/null 2>&1; then
      say "installing the WireMock jar (npm ci --prefix tools/wiremock)"
      npm ci --prefix tools/wiremock --no-audit --no-fund >/dev/null || say "npm ci --prefix tools/wiremock failed; the WireMock interop tests will say so"
    else
      say "without npm the WireMock jar is not installed; the WireMock interop tests will say so"
    fi
  fi
  # MiniMax's own JavaScript client (an MCP server), pinned by tools/minimax-mcp-js/package-lock.json, runs against the simulator.
  if [ ! -f tools/minimax-mcp-js/node_modules/minimax-mcp-js/build/index.js ]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    if command -v npm >/dev/null 2>&1; then
      say "installing MiniMax's JS client (npm ci --prefix tools/minimax-mcp-js)"
      npm ci --prefix tools/minimax-mcp-js --no-audit --no-fund >/dev/null || say "npm ci --prefix tools/minimax-mcp-js failed; the real-client tests will say so"
    else
      say "without npm MiniMax's JS client is not installed; the real-client tests will say so"
    fi
  fi
  return 0
}

if ! command -v dotnet >/dev/null 2>&1; then
  say "dotnet was not found: install the .NET 10 SDK first"
  exit 1
fi

case "${1:-}" in
  test)
    set_up
    # Fresh results only: .ci/run counts every .trx in this folder.
    rm -rf artifacts/test-results
    # Build everything first, so packing in the tests never races the solution build.
    dotnet build Hailuo.Contracts.sln -c Release && dotnet test Hailuo.Contracts.sln -c Release --no-build
    ;;
  pack)
    dotnet pack Hailuo.Contracts.sln -c Release -o artifacts/packages
    ;;
  *)
    echo "usage: bash build.sh test|pack"
    echo "  test  install what the tests need beyond the .NET SDK, build in Release, run every test (results in artifacts/test-results)"
    echo "  pack  make every package, the hailuo tool included, in artifacts/packages"
    exit 2
    ;;
esac
