#!/usr/bin/env bash
# Load benchmark: starts MariaDB (durable commits) and Redis on 127.0.0.1, one or two Release builds of the host sharing
# them, and runs the load tool (tests/ChatApp.LoadTest) against them. Not part of the test suite.
#
#   bash tests/load/benchmark.sh [--nodes 1|2] [--fresh] [--no-redis] [load tool options...]
#   e.g. bash tests/load/benchmark.sh --nodes 2 --clients 200 --room-size 10 --rate 5 --duration 30
#        bash tests/load/benchmark.sh --fresh --clients 200 --phases 60x5      (JIT warm-up of a new server process)
#        bash tests/load/benchmark.sh --phases 20x5,60x20,60x5                 (overload, then recovery)
#        bash tests/load/benchmark.sh --idle 1000
#        bash tests/load/benchmark.sh --no-redis ...   (one node, in-process SignalR: measures the cost of the backplane)
#        bash tests/load/benchmark.sh --r2r --fresh ...  (runs a ReadyToRun publish of the host)
#        bash tests/load/benchmark.sh --push --offline-per-room 2 ...  (push notifications through the tool's FCM stand-in)
#   The tool's options: dotnet tests/ChatApp.LoadTest/bin/Release/net10.0/ChatApp.LoadTest.dll --help
#
# --fresh: the users and rooms are made against a first start of the server(s) (the tool's --setup-only), the servers are
# then stopped and started again, and the tool connects and sends as soon as /health/ready answers (--reuse), so the
# time series (counted from the new processes' start) shows the warm-up of a new process.
#
# --r2r: the host is published with ReadyToRun (precompiled code: less JIT right after a start) into
# $CHATAPP_BENCH_STATE/r2r and run from there instead of the Release build.
#
# --push: the servers get an FCM service account (a fresh RSA key; token_uri and Notifications:Fcm:BaseAddress on
# 127.0.0.1:CHATAPP_BENCH_FCM_PORT, default 5090) and the tool hosts the FCM stand-in there (--fcm-standin); give the
# tool --offline-per-room N so that rooms have offline members with a device. Other Notifications settings pass through
# the environment, e.g. Notifications__Delay=00:00:01 bash tests/load/benchmark.sh --push ...
#
# Environment: CHATAPP_BENCH_PORT (first server port, default 5080; node i listens on it + i), CHATAPP_BENCH_STATE
# (folder of MariaDB, Redis and the server logs, default /tmp/chatapp-bench), CHATAPP_TEST_MYSQL_PORT and
# CHATAPP_TEST_REDIS_PORT (defaults 34306, 37379). Results go to stdout; docs/performance.md records runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
nodes=1
redis=1
fresh=0
r2r=0
push=0
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=$2; shift 2 ;;
        --no-redis) redis=0; shift ;;
        --fresh) fresh=1; shift ;;
        --r2r) r2r=1; shift ;;
        --push) push=1; shift ;;
        *) args+=("$1"); shift ;;
    esac
done

state=${CHATAPP_BENCH_STATE:-/tmp/chatapp-bench}
port=${CHATAPP_BENCH_PORT:-5080}
export CHATAPP_MYSQL_DURABLE=1
# Ports of their own (S3 included): the servers stay up between runs and must not hold the test suite's ports.
export CHATAPP_TEST_MYSQL_PORT=${CHATAPP_TEST_MYSQL_PORT:-34306} CHATAPP_TEST_REDIS_PORT=${CHATAPP_TEST_REDIS_PORT:-37379} CHATAPP_TEST_S3_PORT=${CHATAPP_TEST_S3_PORT:-38568} CHATAPP_TEST_SMTP_PORT=${CHATAPP_TEST_SMTP_PORT:-35525}
eval "$(bash "$root/tests/services.sh" start "$state")"
mysql_pid=$(cat "$state/mysql.pid"); redis_pid=$(cat "$state/redis.pid")

cd "$root"
dotnet build -c Release -v q -nologo src/Host/ChatApp.Host/ChatApp.Host.csproj >/dev/null
dotnet build -c Release -v q -nologo tests/ChatApp.LoadTest/ChatApp.LoadTest.csproj >/dev/null
host_dll=$(ls "$root"/src/Host/ChatApp.Host/bin/Release/*/ChatApp.Host.dll)
if [ "$r2r" = 1 ]; then
    dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo \
        -o "$state/r2r" src/Host/ChatApp.Host/ChatApp.Host.csproj >/dev/null
    host_dll="$state/r2r/ChatApp.Host.dll"
fi
tool_dll=$(ls "$root"/tests/ChatApp.LoadTest/bin/Release/*/ChatApp.LoadTest.dll)

database="chatapp_bench_$(date +%s)"
export ConnectionStrings__MySql="${CHATAPP_TEST_MYSQL}Database=${database};Maximum Pool Size=200;"
if [ "$redis" = 1 ]; then export ConnectionStrings__Redis="$CHATAPP_TEST_REDIS"; else export ConnectionStrings__Redis=""; fi
export Jwt__SigningKey="benchmark-signing-key-0123456789-abcdefghijklmnop"
export Hangfire__RedisPrefix="$database:hangfire:" SignalR__RedisChannelPrefix="$database:signalr"
export Chat__PresenceRedisPrefix="$database:presence:"
# The benchmark measures the server, not the per-user abuse limit.
export Chat__SendRateLimit__Burst=100000 Chat__SendRateLimit__PerPeriod=100000
# The tool registers hundreds of accounts from one address: the abuse limits (not on the send path) would refuse them.
export RateLimits__Enabled=false
export Logging__LogLevel__Default=${CHATAPP_BENCH_LOG_LEVEL:-Warning} ASPNETCORE_ENVIRONMENT=Production
# A deployment must name its object storage (ADR 16); the benchmark sends no pictures.
export Media__Storage=Local Media__LocalDirectory="$state/media"
# A deployment must name its SMTP server (ADR 22): the test one from tests/services.sh (sign-ups mail it from the outbox).
export Email__Smtp__Host="${CHATAPP_TEST_SMTP%:*}" Email__Smtp__Port="${CHATAPP_TEST_SMTP##*:}" Email__Smtp__User="$CHATAPP_TEST_SMTP_USER"
export Email__Smtp__Password="$CHATAPP_TEST_SMTP_PASSWORD" Email__Smtp__TrustedCertificate="$CHATAPP_TEST_SMTP_CERT"
export Email__Smtp__From="ChatApp <no-reply@chatapp.test>" Email__LinkBaseUrl=https://chat.example.test Chat__InviteLinkBaseUrl=https://chat.example.test/i/
if [ "$push" = 1 ]; then
    fcm_port=${CHATAPP_BENCH_FCM_PORT:-5090}
    fcm_key=$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | awk '{printf "%s\\n", $0}')
    export Notifications__Fcm__ServiceAccountJson="{\"type\":\"service_account\",\"project_id\":\"chatapp-bench\",\"private_key_id\":\"bench\",\"private_key\":\"$fcm_key\",\"client_email\":\"bench@chatapp-bench.iam.gserviceaccount.com\",\"token_uri\":\"http://127.0.0.1:$fcm_port/token\"}"
    export Notifications__Fcm__BaseAddress="http://127.0.0.1:$fcm_port"
    export Notifications__AppIds__0=com.example.chatapp.bench   # the app id the tool registers its devices with
    args+=(--fcm-standin "$fcm_port")
fi
# Production refuses to start without Redis (ADR 16): the in-process measurement runs as Development, with the same settings.
[ "$redis" = 1 ] || export ASPNETCORE_ENVIRONMENT=Development

pids=(); urls=(); started=()
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_nodes EXIT
# The content root is the build output, as in the container (appsettings.json with its log levels applies).
# Starts every node at once (recording each process's start in unix ms), then waits until each answers /health/ready.
start_nodes() {
    urls=(); started=()
    for i in $(seq 0 $((nodes - 1))); do
        local url="http://127.0.0.1:$((port + i))"
        started+=("$(date +%s%3N)")
        ASPNETCORE_URLS=$url Database__ApplyMigrationsOnStartup=false dotnet "$host_dll" --contentRoot "$(dirname "$host_dll")" >>"$state/node$i.log" 2>&1 &
        pids+=($!); urls+=("$url")
    done
    for i in $(seq 0 $((nodes - 1))); do
        local ready=0
        for _ in $(seq 1 600); do curl -sf "${urls[$i]}/health/ready" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.05; done
        [ "$ready" = 1 ] || { echo "node $i did not become ready; see $state/node$i.log" >&2; exit 1; }
        echo "node $i (pid ${pids[$i]}) ready $(( $(date +%s%3N) - ${started[$i]} )) ms after its start"
    done
}
join() { local IFS=,; echo "$*"; }
dotnet "$host_dll" migrate --contentRoot "$(dirname "$host_dll")" >/dev/null
start_nodes
if [ "$fresh" = 1 ]; then
    setup="$state/setup-$database.json"
    dotnet "$tool_dll" --urls "$(join "${urls[@]}")" "${args[@]}" --setup-only "$setup"
    echo "restarting the node(s) for a fresh process"
    stop_nodes
    start_nodes
    set -- --reuse "$setup"
else
    set --
fi
echo "nodes: ${urls[*]} (pids ${pids[*]}); MariaDB pid $mysql_pid, Redis pid $redis_pid; database $database"
dotnet "$tool_dll" --urls "$(join "${urls[@]}")" --server-pid "$(join "${pids[@]}")" --server-started-at "$(join "${started[@]}")" \
    --watch-pid "mariadb=$mysql_pid" --watch-pid "redis=$redis_pid" "${args[@]}" "$@"
