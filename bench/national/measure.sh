#!/usr/bin/env bash
# The national reform of 2025 (issue 14), on the packaged api with the JVM options of
# `./ydan run`, the demo registry (national, before 2025) and real tokens from the test Keycloak:
# one plan per new province (34), each over its old provinces with the district level
# abolished; the province merger table and the province's table of communes imported into
# it (the four official sample tables; for the other 30, tables generated from the registry
# in the same shape: communes merged three by three within each district, island districts
# without communes made đặc khu); then published, adopted and applied one after the other.
# Reports import + validation in all, apply in all, the api's resident memory (peak, sampled
# every 200 ms), and checks the registry on 2025-07-01 (34 provinces, no district).
#
#   bench/national/measure.sh
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk

port=${BENCH_PORT:-18982}
kc_port=${BENCH_KEYCLOAK_PORT:-28282}
jar=api/target/api-0.1.0-SNAPSHOT.jar
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }
for p in "$port" "$kc_port"; do
  if [ -n "$(ss -ltnH "sport = :$p")" ]; then echo "port $p is taken" >&2; exit 1; fi
done
./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
api=""
export YDAN_TEST_KEYCLOAK_PORT=$kc_port
cleanup() {
  if [ -n "$api" ]; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  keycloak-realm/keycloak.sh stop test > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
keycloak-realm/keycloak.sh start test > "$work/keycloak.log" 2>&1 || { cat "$work/keycloak.log"; exit 1; }

# shellcheck disable=SC2086
YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$kc_port \
  java $java_opts -jar "$jar" > "$work/api.log" 2>&1 &
api=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
  kill -0 "$api" 2>/dev/null || { cat "$work/api.log"; exit 1; }
  sleep 0.5
done
echo "JVM options: $java_opts"

BENCH_API=http://127.0.0.1:$port/graphql BENCH_PID=$api \
BENCH_TOKEN_URL=http://127.0.0.1:$kc_port/realms/ydan/protocol/openid-connect/token \
BENCH_DEMO=api/src/main/resources/demo \
  python3 bench/national/national.py
grep -c 'Restructuring .* applied: ' "$work/api.log" | sed 's/^/api log: restructurings applied: /'
