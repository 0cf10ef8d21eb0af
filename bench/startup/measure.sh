#!/usr/bin/env bash
# Measures the run command: time from `./ydan run` to a usable console (console healthy, and the
# sign-in page answering at Keycloak), resident memory of each process, and a clean Ctrl-C stop.
#
#   bench/startup/measure.sh            a later start (Keycloak has started before)
#   bench/startup/measure.sh --first    wipe the dev Keycloak first: its one-time build and import
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
cache=${YDAN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ydan}
console=http://127.0.0.1:${YDAN_CONSOLE_PORT:-8081}
keycloak=http://127.0.0.1:${YDAN_KEYCLOAK_PORT:-8180}

if [ "${1:-}" = --first ]; then
  rm -rf "$cache"/keycloak-26.7.3-dev
fi
./ydan build > /dev/null   # the jars are built beforehand: this measures starting, not compiling

log=$(mktemp)
start=$(date +%s.%N)
setsid ./ydan run > "$log" 2>&1 &
runner=$!
trap 'kill -INT -- -$runner 2>/dev/null || true' EXIT

usable() {
  curl -fs -o /dev/null "$console/actuator/health" &&
    # the console's entry redirects to Keycloak's sign-in page, which must answer
    curl -fsL -o /dev/null --max-time 5 "$console/"
}
until usable; do
  kill -0 $runner 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
awk -v a="$start" -v b="$ready" 'BEGIN { printf "run command → usable console: %.1f s\n", b - a }'
sleep 5
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1/1024}'; }
api_pid=$(pgrep -f "api/target/api-.*\.jar" | head -1)
console_pid=$(pgrep -f "admin-ui/target/admin-ui-.*\.jar" | head -1)
kc_pid=$(pgrep -f "keycloak-26.7.3-dev.*quarkus" | head -1 || true)
echo "RSS idle: api $(rss "$api_pid"), console $(rss "$console_pid"), Keycloak $(rss "$kc_pid")"

trap - EXIT
stop_start=$(date +%s.%N)
kill -INT -- -$runner
wait $runner || true
awk -v a="$stop_start" -v b="$(date +%s.%N)" 'BEGIN { printf "Ctrl-C → everything stopped: %.1f s\n", b - a }'
left=$(pgrep -f "api/target/api-|admin-ui/target/admin-ui-|keycloak-26.7.3-dev" || true)
if [ -n "$left" ]; then echo "left running: $left"; exit 1; fi
echo "nothing left running"
