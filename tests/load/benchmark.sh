#!/usr/bin/env bash
# Load benchmark: starts MariaDB (durable commits) and Redis on 127.0.0.1, one or two Release builds of the host sharing
# them, and runs the load tool (tests/ChatApp.LoadTest) against them. Not part of the test suite.
#
#   bash tests/load/benchmark.sh [--nodes 1|2] [load tool options...]
#   e.g. bash tests/load/benchmark.sh --nodes 2 --clients 200 --room-size 10 --rate 5 --duration 30
#        bash tests/load/benchmark.sh --idle 1000
#        bash tests/load/benchmark.sh --no-redis ...   (one node, in-process SignalR: measures the cost of the backplane)
#
# Results go to stdout; docs/performance.md records runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
nodes=1
redis=1
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=$2; shift 2 ;;
        --no-redis) redis=0; shift ;;
        *) args+=("$1"); shift ;;
    esac
done

state=${CHATAPP_BENCH_STATE:-/tmp/chatapp-bench}
export CHATAPP_MYSQL_DURABLE=1
export CHATAPP_TEST_MYSQL_PORT=${CHATAPP_TEST_MYSQL_PORT:-34306} CHATAPP_TEST_REDIS_PORT=${CHATAPP_TEST_REDIS_PORT:-37379}
eval "$(bash "$root/tests/services.sh" start "$state")"
mysql_pid=$(cat "$state/mysql.pid"); redis_pid=$(cat "$state/redis.pid")

cd "$root"
dotnet build -c Release -v q -nologo src/Host/ChatApp.Host/ChatApp.Host.csproj >/dev/null
dotnet build -c Release -v q -nologo tests/ChatApp.LoadTest/ChatApp.LoadTest.csproj >/dev/null
host_dll=$(ls "$root"/src/Host/ChatApp.Host/bin/Release/*/ChatApp.Host.dll)
tool_dll=$(ls "$root"/tests/ChatApp.LoadTest/bin/Release/*/ChatApp.LoadTest.dll)

database="chatapp_bench_$(date +%s)"
export ConnectionStrings__MySql="${CHATAPP_TEST_MYSQL}Database=${database};Maximum Pool Size=200;"
if [ "$redis" = 1 ]; then export ConnectionStrings__Redis="$CHATAPP_TEST_REDIS"; else export ConnectionStrings__Redis=""; fi
export Jwt__SigningKey="benchmark-signing-key-0123456789-abcdefghijklmnop"
export Hangfire__RedisPrefix="$database:hangfire:" SignalR__RedisChannelPrefix="$database:signalr"
export Chat__PresenceRedisPrefix="$database:presence:"
# The benchmark measures the server, not the per-user abuse limit.
export Chat__SendRateLimit__Burst=100000 Chat__SendRateLimit__PerPeriod=100000
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production

pids=(); urls=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
dotnet "$host_dll" migrate >/dev/null
for i in $(seq 0 $((nodes - 1))); do
    url="http://127.0.0.1:$((${CHATAPP_BENCH_PORT:-5080} + i))"
    ASPNETCORE_URLS=$url Database__ApplyMigrationsOnStartup=false dotnet "$host_dll" >"$state/node$i.log" 2>&1 &
    pids+=($!); urls+=("$url")
    for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.5; done
done
IFS=,
echo "nodes: ${urls[*]} (pids ${pids[*]}); MariaDB pid $mysql_pid, Redis pid $redis_pid; database $database"
dotnet "$tool_dll" --urls "${urls[*]}" --server-pid "${pids[*]}" --watch-pid "mariadb=$mysql_pid" --watch-pid "redis=$redis_pid" "${args[@]}"
