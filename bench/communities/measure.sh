#!/usr/bin/env bash
# Residential groups and community teams at the nation's scale (issue 20), on the packaged api
# with the JVM options of `./ydan run` and the demo registry (national, before 2025):
#  1. the import: a fresh api (no groups) imports ~85,000 groups (4 to 13 per commune, codes B01…)
#     through the GraphQL mutation `importResidentialGroups` as the admin (token from the shared
#     test Keycloak), timed end to end, with the api's memory before, after and at its peak;
#  2. a second fresh api starts with YDAN_DEMODATA_COMMUNITIES=true: the synthetic groups of every
#     commune (~85,000) are imported through the registry's importer and a security team of 3
#     members stored for each (~255,000 members); the api's log line gives both times;
#  3. national figures (`communityTeamStats` without unitId: 20 calls of one date, then 10 dates
#     asked once each, which count the groups again), a province and a district, anonymous;
#  4. the api's resident memory with those groups and members (after the figures, and peak).
#
#   bench/communities/measure.sh
#   BENCH_ONLY=import (or demo) runs one part; BENCH_JAR=<jar> measures another build.
set -euo pipefail
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk

port=${BENCH_PORT:-18992}
kc_port=${YDAN_TEST_KEYCLOAK_PORT:-18180}
jar=${BENCH_JAR:-api/target/api-0.1.0-SNAPSHOT.jar}
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }
if [ -n "$(ss -ltnH "sport = :$port")" ]; then echo "port $port is taken" >&2; exit 1; fi
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -o -DskipTests -pl api -am package
keycloak-realm/keycloak.sh status test > /dev/null || { echo "start the test Keycloak: keycloak-realm/keycloak.sh start test" >&2; exit 1; }

work=$(mktemp -d)
api=""
stop_api() {
  if [ -n "$api" ]; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  api=""
}
trap 'stop_api; rm -rf "$work"' EXIT
cp "$jar" "$work/api.jar"
jar=$work/api.jar
echo "JVM options: $java_opts"

# start_api NAME [ENV=VALUE...]: a fresh data directory each time.
start_api() {
  local name=$1; shift
  # shellcheck disable=SC2086
  env YDAN_DATA_DIR="$work/$name" YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$kc_port \
    YDAN_STORE_FSYNC=${YDAN_STORE_FSYNC:-true} "$@" \
    java $java_opts -Dydan.api.limits.rate.enabled=false -jar "$jar" > "$work/$name.log" 2>&1 &
  api=$!
}
wait_for() {
  local log=$1 line=$2
  until grep -q "$line" "$log"; do
    kill -0 "$api" 2>/dev/null || { tail -50 "$log"; exit 1; }
    if grep -q 'demo residential groups and teams could not be loaded' "$log"; then
      grep -A20 'could not be loaded' "$log" | head -40; exit 1
    fi
    sleep 1
  done
}
run_python() {
  BENCH_API=http://127.0.0.1:$port/graphql BENCH_PID=$api \
  BENCH_TOKEN_URL=http://127.0.0.1:$kc_port/realms/ydan/protocol/openid-connect/token \
  BENCH_COMMUNES=api/src/main/resources/demo/communes.csv BENCH_PHASE=$1 \
    python3 bench/communities/communities.py
}

if [ "${BENCH_ONLY:-import}" = import ]; then
echo "== 1. the import, on a fresh api ($(uptime))"
start_api import
wait_for "$work/import.log" 'Demo consultation loaded'
run_python import
grep -o 'Import of RESIDENTIAL_GROUPS ([0-9]\{5,\} rows).*' "$work/import.log" | tail -1 | sed 's/^/api log: /'
stop_api
fi
[ "${BENCH_ONLY:-demo}" = demo ] || exit 0

echo "== 2. the demo's groups and teams ($(uptime))"
started=$(date +%s)
start_api demo YDAN_DEMODATA_COMMUNITIES=true
wait_for "$work/demo.log" 'Demo communities: '
echo "from start to demo communities loaded: $(( $(date +%s) - started )) s"
grep -o 'Demo communities: .*' "$work/demo.log"
run_python figures
echo "($(uptime))"
