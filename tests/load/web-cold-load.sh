#!/usr/bin/env bash
# The web app's cold load from a Release publish (docs/performance.md, "Web app"): publishes the host, starts it on
# the embedded default (Development: SQLite, local disk, in-process SignalR) on 127.0.0.1, and measures with tests/load/web-cold-load.cs in chromium.
# Usage: bash tests/load/web-cold-load.sh [runs]    (needs /usr/bin/chromium: apt-get install chromium)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${1:-3}
state=$(mktemp -d /tmp/chatapp-web-cold-load.XXXXXX)
port=${CHATAPP_WEB_COLD_LOAD_PORT:-5091}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken (CHATAPP_WEB_COLD_LOAD_PORT picks another)" >&2; exit 1; fi
dotnet publish -c Release -v q -nologo "$root/src/Host/ChatApp.Host/ChatApp.Host.csproj" -o "$state/publish" >/dev/null
du -sh "$state/publish/wwwroot/_framework" | sed 's/^/published _framework: /'
echo "of which .br: $(find "$state/publish/wwwroot/_framework" -name '*.br' -printf '%s\n' | awk '{s+=$1} END {printf "%.2f MB in %d files", s/1e6, NR}')"
(cd "$state" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Jwt__SigningKey="web-cold-load-signing-key-0123456789abcdef" Database__SqliteDirectory="$state/data" \
    exec dotnet "$state/publish/ChatApp.Host.dll" --contentRoot "$state/publish" >"$state/host.log" 2>&1) &
host=$!
trap 'status=$?; kill $host 2>/dev/null; wait $host 2>/dev/null; if [ $status -ne 0 ]; then echo "host log: $state/host.log"; tail -40 "$state/host.log"; else rm -rf "$state"; fi' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$state/host.log"; exit 1; }
dotnet run "$root/tests/load/web-cold-load.cs" -- "http://127.0.0.1:$port" "$runs"
