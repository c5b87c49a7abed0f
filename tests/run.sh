#!/usr/bin/env bash
# Runs every test of the solution against real MariaDB and Redis, which it starts on 127.0.0.1 in a temporary folder
# (installing them with apt-get first when they are missing and we are root) and stops afterwards.
# Ends by printing one line: "N passed, N failed". Extra arguments go to `dotnet test` (e.g. --filter Login).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
state=$(mktemp -d /tmp/chatapp-test-services.XXXXXX)
results=$(mktemp -d /tmp/chatapp-test-results.XXXXXX)
export CHATAPP_TEST_STATE="$state"
# Unless told otherwise, use ports of our own so a developer's MariaDB/Redis are left alone.
export CHATAPP_TEST_MYSQL_PORT=${CHATAPP_TEST_MYSQL_PORT:-$((33000 + RANDOM % 1000))}
export CHATAPP_TEST_REDIS_PORT=${CHATAPP_TEST_REDIS_PORT:-$((36000 + RANDOM % 1000))}
export CHATAPP_TEST_S3_PORT=${CHATAPP_TEST_S3_PORT:-$((34000 + RANDOM % 1000))}
export CHATAPP_TEST_SMTP_PORT=${CHATAPP_TEST_SMTP_PORT:-$((32000 + RANDOM % 1000))}

cleanup() { bash "$root/tests/services.sh" stop "$state" >/dev/null 2>&1 || true; rm -rf "$results"; }
trap cleanup EXIT

if ! env_lines=$(bash "$root/tests/services.sh" start "$state"); then
    echo "Could not start MariaDB, Redis, s3rver and the SMTP server for the tests."
    echo "0 passed, 1 failed"
    exit 1
fi
eval "$env_lines"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet test "$root/ChatApp.sln" --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

passed=0; failed=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# Errors outside any test (a class fixture that failed to clean up, a crashed test host) count nowhere in the totals:
# print what the results files say about them before they are deleted.
if [ "$status" -ne 0 ]; then
    for trx in "$results"/*.trx; do
        [ -f "$trx" ] || continue
        sed -n '/<RunInfos>/,/<\/RunInfos>/p' "$trx" | sed 's/&#xD;//g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' | head -120
    done
fi
# A test host that crashed, or a build that failed, leaves no counts: never report such a run as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; status=1; fi
echo "$passed passed, $failed failed"
exit "$status"
