#!/usr/bin/env bash
# Measures the run command: time from `./ydan run` to a usable console (console healthy, and the
# sign-in page answering at Keycloak), resident memory of each process, and a clean Ctrl-C stop.
#
#   bench/startup/measure.sh            a later start (Keycloak has started before)
#   bench/startup/measure.sh --first    wipe the dev Keycloak first: its one-time build and import
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
cache=${YDAN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ydan}
console=http://127.0.0.1:${YDAN_CONSOLE_PORT:-8081}
keycloak=http://127.0.0.1:${YDAN_KEYCLOAK_PORT:-8180}

for port in "${YDAN_API_PORT:-8080}" "${YDAN_CONSOLE_PORT:-8081}" "${YDAN_KEYCLOAK_PORT:-8180}"; do
  if [ -n "$(ss -ltnH "sport = :$port")" ]; then echo "port $port is taken: stop what listens there first" >&2; exit 1; fi
done
if [ "${1:-}" = --first ]; then
  rm -rf "$cache"/keycloak-26.7.3-dev
fi
./ydan build > /dev/null   # the jars are built beforehand: this measures starting, not compiling

log=$(mktemp)
session=ydan-startup-bench
# A terminal (tmux) so that Ctrl-C is a real Ctrl-C: a script started with & ignores SIGINT.
start=$(date +%s.%N)
# The caller's settings, quoted: values such as YDAN_API_JAVA_OPTS hold spaces.
settings=$(env | grep -E "^(YDAN_|MONGODB_URI|JAVA_HOME)=" | while IFS= read -r line; do printf '%q ' "$line"; done)
tmux new-session -d -s "$session" -x 200 -y 50 "cd $root && env $settings ./ydan run > $log 2>&1"
trap 'tmux send-keys -t "$session" C-c 2>/dev/null || true' EXIT

usable() {
  curl -fs -o /dev/null "$console/actuator/health" &&
    # the console's entry redirects to Keycloak's sign-in page, which must answer
    curl -fsL -o /dev/null --max-time 5 "$console/"
}
until usable; do
  tmux has-session -t "$session" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
awk -v a="$start" -v b="$ready" 'BEGIN { printf "run command → usable console: %.1f s\n", b - a }'
sleep 5
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1/1024}'; }
listener() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
api_pid=$(listener "${YDAN_API_PORT:-8080}")
console_pid=$(listener "${YDAN_CONSOLE_PORT:-8081}")
kc_pid=$(listener "${YDAN_KEYCLOAK_PORT:-8180}")
echo "RSS idle: api $(rss "$api_pid"), console $(rss "$console_pid"), Keycloak $(rss "$kc_pid")"

trap - EXIT
stop_start=$(date +%s.%N)
tmux send-keys -t "$session" C-c
while tmux has-session -t "$session" 2>/dev/null; do sleep 0.2; done
awk -v a="$stop_start" -v b="$(date +%s.%N)" 'BEGIN { printf "Ctrl-C → everything stopped: %.1f s\n", b - a }'
left=$(for pid in $api_pid $console_pid $kc_pid; do if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi; done)
if [ -n "$left" ]; then echo "left running: $left"; exit 1; fi
echo "nothing left running"
