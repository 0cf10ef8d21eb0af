#!/usr/bin/env bash
# Residential groups and community teams at the nation's scale (issue 20), on the packaged api
# with the JVM options of `./ydan run` and the demo registry (national, before 2025):
#  1. the api starts with YDAN_DEMODATA_COMMUNITIES=true: the synthetic groups of every commune
#     (~85,000) are imported through the registry's importer and a security team of 3 members
#     stored for each (~255,000 members); the api's log line gives both times;
#  2. national figures (`communityTeamStats` without unitId), a province and a district: 20 calls
#     each, anonymous, p50 and max;
#  3. the api's resident memory with those groups and members (after the figures, and peak);
#  4. another ~85,000 groups (codes B01…) imported through the GraphQL mutation
#     `importResidentialGroups` as the admin (token from the shared test Keycloak), timed end to
#     end; then memory again (now ~170,000 groups).
#
#   bench/communities/measure.sh
set -euo pipefail
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk

port=${BENCH_PORT:-18992}
kc_port=${YDAN_TEST_KEYCLOAK_PORT:-18180}
jar=api/target/api-0.1.0-SNAPSHOT.jar
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }
if [ -n "$(ss -ltnH "sport = :$port")" ]; then echo "port $port is taken" >&2; exit 1; fi
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -o -DskipTests -pl api -am package
keycloak-realm/keycloak.sh status test > /dev/null || { echo "start the test Keycloak: keycloak-realm/keycloak.sh start test" >&2; exit 1; }

work=$(mktemp -d)
api=""
cleanup() {
  if [ -n "$api" ]; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# A copy: a build while the bench runs must not rewrite the running jar.
cp "$jar" "$work/api.jar"
jar=$work/api.jar

# shellcheck disable=SC2086
YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$kc_port \
YDAN_DEMODATA_COMMUNITIES=true YDAN_STORE_FSYNC=${YDAN_STORE_FSYNC:-true} \
  java $java_opts -Dydan.api.limits.rate.enabled=false -jar "$jar" > "$work/api.log" 2>&1 &
api=$!
started=$(date +%s)
until grep -q 'Demo communities: ' "$work/api.log"; do
  kill -0 "$api" 2>/dev/null || { tail -50 "$work/api.log"; exit 1; }
  if grep -q 'demo residential groups and teams could not be loaded' "$work/api.log"; then
    grep -A20 'could not be loaded' "$work/api.log" | head -40; exit 1
  fi
  sleep 1
done
echo "JVM options: $java_opts"
echo "from start to demo communities loaded: $(( $(date +%s) - started )) s"
grep -o 'Demo communities: .*' "$work/api.log"
grep -o 'Import of RESIDENTIAL_GROUPS .*' "$work/api.log" | head -3

BENCH_API=http://127.0.0.1:$port/graphql BENCH_PID=$api \
BENCH_TOKEN_URL=http://127.0.0.1:$kc_port/realms/ydan/protocol/openid-connect/token \
BENCH_COMMUNES=api/src/main/resources/demo/communes.csv \
  python3 bench/communities/communities.py
grep -o 'Import of RESIDENTIAL_GROUPS .*' "$work/api.log" | tail -1 | sed 's/^/api log: /'
