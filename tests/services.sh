#!/usr/bin/env bash
# Starts (or stops) throw-away MariaDB, Redis, S3-compatible (s3rver, from npm) and SMTP (tests/smtp_sink.py on
# python3-aiosmtpd: STARTTLS and AUTH required, a self-signed certificate) servers on 127.0.0.1 for the
# integration tests, installing them with apt-get / npm when they are missing (and nginx and kubectl, which the tests
# run themselves). Usage: tests/services.sh start|stop|env [STATE_DIR]
# `start` prints the environment variables the tests read; `env` prints them again for a running pair.
set -euo pipefail

action=${1:?usage: tests/services.sh start|stop|env [STATE_DIR]}
state=${2:-${CHATAPP_TEST_STATE:-/tmp/chatapp-test-services}}
mysql_port=${CHATAPP_TEST_MYSQL_PORT:-33306}
redis_port=${CHATAPP_TEST_REDIS_PORT:-36379}
s3_port=${CHATAPP_TEST_S3_PORT:-34568}
smtp_port=${CHATAPP_TEST_SMTP_PORT:-32525}
smtp_user=chatapp-smtp
smtp_password=smtp-test-password
# npm packages live outside the repository, shared between runs.
tools=${CHATAPP_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chatapp-tools}
s3rver_version=3.7.1

find_bin() { for candidate in "$@"; do command -v "$candidate" 2>/dev/null && return 0; [ -x "/usr/sbin/$candidate" ] && { echo "/usr/sbin/$candidate"; return 0; }; done; return 1; }

install_missing() {
    local missing=()
    find_bin mariadbd mysqld >/dev/null || missing+=(mariadb-server)
    find_bin redis-server >/dev/null || missing+=(redis-server)
    command -v npm >/dev/null || missing+=(nodejs npm)
    # nginx: the reverse proxy the nginx tests start in front of two hosts (tests/.../NginxTests).
    find_bin nginx >/dev/null || missing+=(nginx)
    # kubectl: renders k8s/ with `kubectl kustomize` for the manifest tests.
    command -v kubectl >/dev/null || missing+=(kubectl)
    # The SMTP server runs on the system python (a pyenv python3 on PATH would not see the Debian package).
    /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
    command -v openssl >/dev/null || missing+=(openssl)
    # chromium: the browser the moderation pages' Playwright test drives (tests/.../Moderation/AdminQueueBrowserTests).
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "Missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) and run again." >&2
        exit 1
    fi
    echo "Installing ${missing[*]} ..." >&2
    # Keep the packages' own services from starting (we run our own instances in a temporary folder), only for this install.
    local policy_created=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_created=yes
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    local installed=$?
    [ -n "$policy_created" ] && rm -f /usr/sbin/policy-rc.d
    return $installed
}

print_env() {
    echo "export CHATAPP_TEST_MYSQL='Server=127.0.0.1;Port=${mysql_port};User ID=chatapp;Password=chatapp;'"
    echo "export CHATAPP_TEST_REDIS='127.0.0.1:${redis_port}'"
    echo "export CHATAPP_TEST_S3='http://127.0.0.1:${s3_port}'"
    echo "export CHATAPP_TEST_SMTP='127.0.0.1:${smtp_port}'"
    echo "export CHATAPP_TEST_SMTP_USER='${smtp_user}'"
    echo "export CHATAPP_TEST_SMTP_PASSWORD='${smtp_password}'"
    echo "export CHATAPP_TEST_SMTP_MAILDIR='${state}/smtp/mail'"
    echo "export CHATAPP_TEST_SMTP_CERT='${state}/smtp/cert.pem'"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # command, what
    for _ in $(seq 1 120); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 0.5; done
    echo "$2 did not start; see $state/*.log" >&2; exit 1
}

start() {
    install_missing
    mkdir -p "$state"
    local mariadbd; mariadbd=$(find_bin mariadbd mysqld)
    local client; client=$(find_bin mariadb mysql)
    if ! "$client" --protocol=socket --socket="$state/mysql.sock" -uroot -e 'select 1' >/dev/null 2>&1; then
        rm -rf "$state/mysql"
        mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$state/mysql" --auth-root-authentication-method=normal \
            --skip-test-db >"$state/mariadb-install.log" 2>&1
        # Durability traded for speed: this server holds test data only. CHATAPP_MYSQL_DURABLE=1 keeps MariaDB's
        # durable defaults (a commit is on disk when acknowledged), as the load benchmark requires.
        local durability="--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0"
        [ "${CHATAPP_MYSQL_DURABLE:-0}" = 1 ] && durability="--innodb-flush-log-at-trx-commit=1"
        "$mariadbd" --no-defaults --user="$(id -un)" --datadir="$state/mysql" --socket="$state/mysql.sock" \
            --pid-file="$state/mysql.pid" --port="$mysql_port" --bind-address=127.0.0.1 --skip-name-resolve \
            $durability --skip-log-bin --innodb-buffer-pool-size=256M \
            --max-connections=1000 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
            >"$state/mariadb.log" 2>&1 &
        wait_for "'$client' --protocol=socket --socket='$state/mysql.sock' -uroot -e 'select 1'" "MariaDB"
        "$client" --protocol=socket --socket="$state/mysql.sock" -uroot -e \
            "CREATE USER IF NOT EXISTS 'chatapp'@'%' IDENTIFIED BY 'chatapp'; GRANT ALL PRIVILEGES ON *.* TO 'chatapp'@'%' WITH GRANT OPTION; FLUSH PRIVILEGES;"
    fi
    if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
        redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$state" \
            --pidfile "$state/redis.pid" --logfile "$state/redis.log" --daemonize yes >/dev/null
        wait_for "redis-cli -h 127.0.0.1 -p $redis_port ping" "Redis"
    fi
    if ! port_open "$s3_port"; then
        if [ ! -x "$tools/node_modules/.bin/s3rver" ]; then
            command -v npm >/dev/null || { echo "npm is missing: install Node.js (apt-get install nodejs npm) and run again." >&2; exit 1; }
            echo "Installing s3rver $s3rver_version (npm) into $tools ..." >&2
            mkdir -p "$tools"
            npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "s3rver@$s3rver_version" >&2
        fi
        mkdir -p "$state/s3"
        node "$tools/node_modules/.bin/s3rver" -d "$state/s3" -a 127.0.0.1 -p "$s3_port" --silent >"$state/s3rver.log" 2>&1 &
        echo $! > "$state/s3rver.pid"
        wait_for "port_open $s3_port" "s3rver"
    fi
    if ! port_open "$smtp_port"; then
        mkdir -p "$state/smtp/mail"
        [ -f "$state/smtp/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost \
            -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
            -keyout "$state/smtp/key.pem" -out "$state/smtp/cert.pem" >"$state/smtp/openssl.log" 2>&1
        /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/smtp_sink.py" 127.0.0.1 "$smtp_port" "$state/smtp/cert.pem" \
            "$state/smtp/key.pem" "$state/smtp/mail" "$smtp_user" "$smtp_password" >"$state/smtp.log" 2>&1 &
        echo $! > "$state/smtp.pid"
        wait_for "port_open $smtp_port" "SMTP server"
    fi
    print_env
}

stop() {
    [ -f "$state/smtp.pid" ] && kill "$(cat "$state/smtp.pid")" 2>/dev/null || true
    [ -f "$state/s3rver.pid" ] && kill "$(cat "$state/s3rver.pid")" 2>/dev/null || true
    [ -f "$state/redis.pid" ] && kill "$(cat "$state/redis.pid")" 2>/dev/null || true
    [ -f "$state/mysql.pid" ] && kill "$(cat "$state/mysql.pid")" 2>/dev/null || true
    for _ in $(seq 1 60); do
        { [ -f "$state/mysql.pid" ] && kill -0 "$(cat "$state/mysql.pid")" 2>/dev/null; } || break
        sleep 0.5
    done
    rm -rf "$state"
}

case "$action" in
    start) start ;;
    stop) stop ;;
    env) print_env ;;
    *) echo "unknown action $action" >&2; exit 2 ;;
esac
