#!/usr/bin/env bash
# The recommender's training as the service runs it (docs/performance.md, "Issue 20: recommender training at scale"):
# a synthetic signed network of PEOPLE people and RATINGS ratings (ChatApp.RecommenderEval --generate, seed 1), its
# people seeded as accounts and its ratings into a fresh MariaDB database, then one freshly started Production node
# whose training job runs at the next minute: it streams the ratings, trains, checks eligibility and stores the top N
# per person. Prints the version's stage timings (from its details), the node's resident memory before training and
# its peak (VmHWM). Uses the servers named by CHATAPP_TEST_MYSQL / CHATAPP_TEST_REDIS / CHATAPP_TEST_SMTP
# (tests/services.sh's output) or starts its own.
#   source /tmp/svc.env; bash tests/load/recommender-training.sh [PEOPLE] [RATINGS]     (defaults: 50000 1000000)
#   CHATAPP_REC_TRAINING_WAIT: seconds to wait for the version to finish (default 2400)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
people=${1:-50000}
ratings=${2:-1000000}
state=${CHATAPP_REC_TRAINING_STATE:-/tmp/chatapp-rec-training}
mkdir -p "$state"
if [ -z "${CHATAPP_TEST_MYSQL:-}" ]; then
    bash tests/services.sh start "$state/services" > "$state/services.env"
    # shellcheck disable=SC1091
    source "$state/services.env"
fi
dotnet build -c Release -v q -nologo src/Host/ChatApp.Host/ChatApp.Host.csproj >/dev/null
dotnet build -c Release -v q -nologo tests/ChatApp.RecommenderEval/ChatApp.RecommenderEval.csproj >/dev/null
host_dll=$(ls "$root"/src/Host/ChatApp.Host/bin/Release/*/ChatApp.Host.dll)
eval_dll=$(ls "$root"/tests/ChatApp.RecommenderEval/bin/Release/*/ChatApp.RecommenderEval.dll)
network="$state/net-$people-$ratings.tsv"
[ -s "$network" ] || dotnet "$eval_dll" --generate "$network" --people "$people" --ratings "$ratings" --seed 1 >/dev/null
python3 tests/load/recommender_training.py files "$network" "$state/seed-$people-$ratings" >/dev/null

field() { tr ';' '\n' <<<"$CHATAPP_TEST_MYSQL" | sed -n "s/^$1=//p"; }
sql() { mariadb --local-infile=1 -h "$(field Server)" -P "$(field Port)" -u "$(field 'User ID')" -p"$(field Password)" "$database" "$@"; }
database="chatapp_rt_$(date +%s)"
export Jwt__SigningKey="recommender-training-signing-key-0123456789-abcdefgh" Logging__LogLevel__Default=Warning
export RateLimits__Enabled=false
export Media__Storage=Local Media__LocalDirectory="$state/media"
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=MySql ConnectionStrings__MySql="${CHATAPP_TEST_MYSQL}Database=${database};"
export ConnectionStrings__Redis="$CHATAPP_TEST_REDIS" Hangfire__RedisPrefix="$database:hangfire:" SignalR__RedisChannelPrefix="$database:signalr"
export Chat__PresenceRedisPrefix="$database:presence:" QueryCache__RedisPrefix="$database:cache:"
export Email__Smtp__Host="${CHATAPP_TEST_SMTP%:*}" Email__Smtp__Port="${CHATAPP_TEST_SMTP##*:}" Email__Smtp__User="$CHATAPP_TEST_SMTP_USER"
export Email__Smtp__Password="$CHATAPP_TEST_SMTP_PASSWORD" Email__Smtp__TrustedCertificate="$CHATAPP_TEST_SMTP_CERT"
export Email__Smtp__From="ChatApp <no-reply@chatapp.test>" Email__LinkBaseUrl=https://chat.example.test Chat__InviteLinkBaseUrl=https://chat.example.test/i/
# The generated network is signed (-10..+10); the job runs every minute (the first run is the one measured).
export Recommendation__Scale__Minimum=-10 Recommendation__Scale__Maximum=10 Recommendation__Scale__Neutral=0
export Recommendation__TrainingCron="* * * * *"
mariadb -h "$(field Server)" -P "$(field Port)" -u "$(field 'User ID')" -p"$(field Password)" -e "CREATE DATABASE $database"
dotnet "$host_dll" migrate --contentRoot "$(dirname "$host_dll")" >/dev/null
seed="$state/seed-$people-$ratings"
started=$(date +%s)
sql -e "SET unique_checks=0; SET foreign_key_checks=0;
  LOAD DATA LOCAL INFILE '$seed/users.tsv' INTO TABLE accounts_users CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
    (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp,
     PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, CreatedAt, Handle, NormalizedHandle,
     Discoverable, NameSearchKey);
  LOAD DATA LOCAL INFILE '$seed/ratings.tsv' INTO TABLE recommendation_ratings FIELDS TERMINATED BY '\t'
    (RaterId, RateeId, Score, CreatedAt, UpdatedAt);
  ANALYZE TABLE accounts_users, recommendation_ratings;" >/dev/null
echo "seeded $people accounts and $(sql -N -e 'SELECT COUNT(*) FROM recommendation_ratings') ratings into $database in $(( $(date +%s) - started )) s"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
env ASPNETCORE_URLS="http://127.0.0.1:$port" 'Logging__LogLevel__ChatApp.Modules.Recommendation=Information' dotnet "$host_dll" --contentRoot "$(dirname "$host_dll")" >"$state/node.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
rss_ready=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
echo "node ready (resident ${rss_ready} MiB); waiting for the training job (runs at the next minute), load: $(cut -d' ' -f1-3 /proc/loadavg)"
status=""
for _ in $(seq 1 "${CHATAPP_REC_TRAINING_WAIT:-2400}"); do
    status=$(sql -N -e "SELECT Status FROM recommendation_model_versions ORDER BY Id LIMIT 1" 2>/dev/null || true)
    [ "$status" = Complete ] || [ "$status" = Failed ] && break
    sleep 1
done
peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
sql -N -e "SELECT Status, RatingCount, TIMESTAMPDIFF(MICROSECOND, StartedAt, FinishedAt) / 1e6, Details, Error FROM recommendation_model_versions ORDER BY Id LIMIT 1"
echo "stored rows: $(sql -N -e 'SELECT COUNT(*) FROM recommendation_recommended_users')"
echo "node resident before training ${rss_ready} MiB, peak (VmHWM) ${peak} MiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$pid"; wait "$pid" 2>/dev/null || true
