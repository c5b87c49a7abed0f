#!/usr/bin/env bash
# People search at 100,000 accounts (docs/performance.md, "Issue 19: people search"): for MariaDB and for the embedded
# SQLite default, one node on a fresh database, USERS accounts seeded straight into accounts.users (with the search key
# the app stores), then QUERIES sequential GET /api/v1/users/search calls over a mix of Korean, 초성, Latin, handle and
# no-match queries, timed at the client (p50/p95/max per kind). Uses the servers named by CHATAPP_TEST_MYSQL /
# CHATAPP_TEST_REDIS / CHATAPP_TEST_SMTP (tests/services.sh's output) or starts its own.
#   source /tmp/svc.env; bash tests/load/people-search.sh [USERS] [QUERIES] [PROVIDERS]     (defaults: 100000 600 "mysql sqlite")
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
users=${1:-100000}
queries=${2:-600}
providers=${3:-mysql sqlite}
state=${CHATAPP_PEOPLE_SEARCH_STATE:-/tmp/chatapp-people-search}
mkdir -p "$state"
if [ -z "${CHATAPP_TEST_MYSQL:-}" ]; then
    bash tests/services.sh start "$state/services" > "$state/services.env"
    # shellcheck disable=SC1091
    source "$state/services.env"
fi
dotnet build -c Release -v q -nologo src/Host/ChatApp.Host/ChatApp.Host.csproj >/dev/null
host_dll=$(ls "$root"/src/Host/ChatApp.Host/bin/Release/*/ChatApp.Host.dll)
field() { tr ';' '\n' <<<"$CHATAPP_TEST_MYSQL" | sed -n "s/^$1=//p"; }
export Jwt__SigningKey="people-search-signing-key-0123456789-abcdefghijklm" Logging__LogLevel__Default=Warning RateLimits__Enabled=false
export Media__Storage=Local Media__LocalDirectory="$state/media"

for provider in $providers; do
    stamp="$(date +%s)"
    if [ "$provider" = mysql ]; then
        database="chatapp_ps_$stamp"
        export ASPNETCORE_ENVIRONMENT=Production Database__Provider=MySql ConnectionStrings__MySql="${CHATAPP_TEST_MYSQL}Database=${database};"
        export ConnectionStrings__Redis="$CHATAPP_TEST_REDIS" Hangfire__RedisPrefix="$database:hangfire:" SignalR__RedisChannelPrefix="$database:signalr"
        export Chat__PresenceRedisPrefix="$database:presence:" QueryCache__RedisPrefix="$database:cache:"
        # A deployment must name its SMTP server (ADR 22): the test one from tests/services.sh.
        export Email__Smtp__Host="${CHATAPP_TEST_SMTP%:*}" Email__Smtp__Port="${CHATAPP_TEST_SMTP##*:}" Email__Smtp__User="$CHATAPP_TEST_SMTP_USER"
        export Email__Smtp__Password="$CHATAPP_TEST_SMTP_PASSWORD" Email__Smtp__TrustedCertificate="$CHATAPP_TEST_SMTP_CERT"
        export Email__Smtp__From="ChatApp <no-reply@chatapp.test>" Email__LinkBaseUrl=https://chat.example.test Chat__InviteLinkBaseUrl=https://chat.example.test/i/
        dotnet "$host_dll" migrate --contentRoot "$(dirname "$host_dll")" >/dev/null
        echo "seeding $users accounts into MariaDB ($database)"
        python3 tests/load/people_search.py seed-mysql "$users" \
            | mariadb -h "$(field Server)" -P "$(field Port)" -u "$(field 'User ID')" -p"$(field Password)" "$database" >/dev/null
    else
        # The embedded default: SQLite files, no Redis, no SMTP (mails go to a pickup folder).
        unset ConnectionStrings__MySql ConnectionStrings__Redis Email__Smtp__Host Email__Smtp__Port Email__Smtp__User Email__Smtp__Password \
            Email__Smtp__TrustedCertificate Email__Smtp__From
        export ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite Database__SqliteDirectory="$state/sqlite-$stamp"
        export Email__PickupDirectory="$state/mail"
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$host_dll" --contentRoot "$(dirname "$host_dll")" >"$state/node-$provider.log" 2>&1 &
    pid=$!
    ready=0
    for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.1; done
    [ "$ready" = 1 ] || { echo "the node did not become ready; see $state/node-$provider.log" >&2; kill "$pid" 2>/dev/null; exit 1; }
    if [ "$provider" = sqlite ]; then
        echo "seeding $users accounts into SQLite ($Database__SqliteDirectory/accounts.db)"
        python3 tests/load/people_search.py seed-sqlite "$users" "$Database__SqliteDirectory/accounts.db"
    fi
    echo "== $provider: $users accounts, $queries searches"
    python3 tests/load/people_search.py measure "http://127.0.0.1:$port" "$queries"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
