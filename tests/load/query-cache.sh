#!/usr/bin/env bash
# The query cache's measurement (docs/performance.md, "Query cache (issue 16)"): one Production node on MariaDB and
# Redis, a few thousand reads with the cache off and then on, each on a fresh process and database, the ChatApp.Cache
# counters collected with dotnet-counters when it is installed (dotnet tool install -g dotnet-counters). Uses the
# servers named by CHATAPP_TEST_MYSQL / CHATAPP_TEST_REDIS (tests/services.sh's output) or starts its own.
#   source /tmp/svc.env; bash tests/load/query-cache.sh [READS]      (CHATAPP_QUERY_CACHE_ORDER="true false" reverses the runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
reads=${1:-3000}
state=${CHATAPP_QUERY_CACHE_STATE:-/tmp/chatapp-query-cache}
mkdir -p "$state"
if [ -z "${CHATAPP_TEST_MYSQL:-}" ]; then
    bash tests/services.sh start "$state/services" > "$state/services.env"
    # shellcheck disable=SC1091
    source "$state/services.env"
fi
dotnet build -c Release -v q -nologo src/Host/ChatApp.Host/ChatApp.Host.csproj >/dev/null
host_dll=$(ls "$root"/src/Host/ChatApp.Host/bin/Release/*/ChatApp.Host.dll)
counters=$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")
export Jwt__SigningKey="query-cache-signing-key-0123456789-abcdefghijklmn" ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Redis="$CHATAPP_TEST_REDIS" Logging__LogLevel__Default=Warning
export Media__Storage=Local Media__LocalDirectory="${TMPDIR:-/tmp}/chatapp-query-cache/media" RateLimits__Enabled=false
# A deployment must name its SMTP server (ADR 22): the test one from tests/services.sh (sign-ups mail it from the outbox).
export Email__Smtp__Host="${CHATAPP_TEST_SMTP%:*}" Email__Smtp__Port="${CHATAPP_TEST_SMTP##*:}" Email__Smtp__User="$CHATAPP_TEST_SMTP_USER"
export Email__Smtp__Password="$CHATAPP_TEST_SMTP_PASSWORD" Email__Smtp__TrustedCertificate="$CHATAPP_TEST_SMTP_CERT"
export Email__Smtp__From="ChatApp <no-reply@chatapp.test>" Email__LinkBaseUrl=https://chat.example.test Chat__InviteLinkBaseUrl=https://chat.example.test/i/

for enabled in ${CHATAPP_QUERY_CACHE_ORDER:-false true}; do
    database="chatapp_qc_$(date +%s)_$enabled"
    export ConnectionStrings__MySql="${CHATAPP_TEST_MYSQL}Database=${database};"
    export Hangfire__RedisPrefix="$database:hangfire:" SignalR__RedisChannelPrefix="$database:signalr" Chat__PresenceRedisPrefix="$database:presence:"
    export QueryCache__RedisPrefix="$database:cache:" QueryCache__Enabled=$enabled
    dotnet "$host_dll" migrate --contentRoot "$(dirname "$host_dll")" >/dev/null
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$host_dll" --contentRoot "$(dirname "$host_dll")" >"$state/node-$enabled.log" 2>&1 &
    pid=$!
    ready=0
    for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.1; done
    [ "$ready" = 1 ] || { echo "the node did not become ready; see $state/node-$enabled.log" >&2; kill "$pid" 2>/dev/null; exit 1; }
    collector=""
    if [ -x "$counters" ]; then
        "$counters" collect -p "$pid" --counters ChatApp.Cache --refresh-interval 1 --format csv -o "$state/counters-$enabled.csv" >/dev/null 2>&1 &
        collector=$!
    fi
    echo "== cache enabled: $enabled"
    python3 tests/load/query_cache_reads.py "http://127.0.0.1:$port" "$reads"
    sleep 2
    [ -n "$collector" ] && { kill -TERM "$collector" 2>/dev/null || true; wait "$collector" 2>/dev/null || true; }
    kill "$pid"; wait "$pid" 2>/dev/null || true
    if [ -f "$state/counters-$enabled.csv" ]; then
        # Counters come as increments per interval: summed per instrument and cache name. Histograms: the median,
        # over the intervals, of each interval's median.
        python3 - "$state/counters-$enabled.csv" <<'PY'
import collections, csv, statistics, sys
totals, medians = collections.Counter(), collections.defaultdict(list)
for row in csv.DictReader(open(sys.argv[1])):
    name, value = row["Counter Name"], float(row["Mean/Increment"])
    if "chatapp.cache.hits" in name or "chatapp.cache.misses" in name:
        totals[name.replace(" ({entry} / 1 sec)", "")] += value
    elif "Percentile=50" in name and ("cache.read" in name or "cache.load" in name):
        medians[name.replace(";Percentile=50", "")].append(value)
for name, value in sorted(totals.items()):
    print(f"  {name}: {value:.0f}")
for name, values in sorted(medians.items()):
    print(f"  {name} p50: {statistics.median(values):.0f} us")
PY
    fi
    mysql_cmd="DROP DATABASE IF EXISTS \`$database\`"
    python3 - "$CHATAPP_TEST_MYSQL" "$mysql_cmd" <<'PY' || true
import subprocess, sys
parts = dict(p.split("=", 1) for p in sys.argv[1].strip(";").split(";") if p)
subprocess.run(["mariadb", "-h", parts["Server"], "-P", parts["Port"], "-u", parts["User ID"], "-p" + parts["Password"], "-e", sys.argv[2]], check=False)
PY
done
