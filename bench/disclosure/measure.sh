#!/usr/bin/env bash
# Benchmarks of public disclosure (issue 17), on the packaged api with the JVM options of
# `./ydan run`, the request limits off (load from one address), and the Hanoi plan applied (so
# that old addresses and codes have successors with clauses):
#   1. address lookup (convertAddress): BENCH_CLIENTS (32) clients, every request a different old
#      address of the 10,035 communes (abbreviated; one in three without diacritics; one in seven
#      mistyped, which scans the names): throughput, p50, p99 (target p99 ≤ 20 ms)
#   2. bulk conversion of all 10,035 commune codes with unitsAsOf, 11 calls of ≤ 1,000, one after
#      another, BENCH_ROUNDS (5) times (target ≤ 1 s)
#   3. the public results page's document (the console's publicResults.graphql) of a published
#      consultation of Hanoi's 526 communes, 32 anonymous readers (target p99 ≤ 100 ms at the api;
#      the console renders it on top)
# Each load runs BENCH_SECONDS (20) after a warm-up of the same length. Reuses bench/consultations'
# token issuer (JDK only) and setup script (python3) to publish results. Sends requests to
# 127.0.0.1 only.
#
#   bench/disclosure/measure.sh
#   BENCH_SKIP_BUILD=1 bench/disclosure/measure.sh     the api jar as it is
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk

port=${BENCH_PORT:-18984}
issuer_port=${BENCH_ISSUER_PORT:-18985}
seconds=${BENCH_SECONDS:-20}
clients=${BENCH_CLIENTS:-32}
households=${BENCH_HOUSEHOLDS:-10000}
jar=api/target/api-0.1.0-SNAPSHOT.jar
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }
for p in "$port" "$issuer_port"; do
  if [ -n "$(ss -ltnH "sport = :$p")" ]; then echo "port $p is taken" >&2; exit 1; fi
done
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
api=""
issuer=""
cleanup() {
  for pid in $api $issuer; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

seq -f 'b-%06g' 1 "$households" > "$work/households"
java bench/consultations/BenchIssuer.java "$issuer_port" "$work/households" "$work/tokens" > "$work/issuer.log" 2>&1 &
issuer=$!
until grep -q '^ready' "$work/issuer.log"; do
  kill -0 "$issuer" 2>/dev/null || { cat "$work/issuer.log"; exit 1; }
  sleep 1
done
# The issuer's first answers, before the api asks for them: on a loaded machine its first
# request (classes loaded, code not yet compiled) outlasted the api's read timeout (HTTP 500).
for path in .well-known/openid-configuration protocol/openid-connect/certs; do
  curl -fs -m 120 -o /dev/null "http://127.0.0.1:$issuer_port/realms/ydan/$path"
done
# A copy: a build while the benchmark runs must not rewrite the running jar.
cp "$jar" "$work/api.jar"
# shellcheck disable=SC2086
YDAN_ENVIRONMENT=development YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$issuer_port \
  java $java_opts -Dspring.profiles.active=bench -Dydan.demo-data.consultation=false \
  -Dydan.api.limits.enabled=false -jar "$work/api.jar" > "$work/api.log" 2>&1 &
api=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
  kill -0 "$api" 2>/dev/null || { tail -50 "$work/api.log"; exit 1; }
  sleep 0.5
done
rss() { ps -o rss= -p "$api" | awk '{printf "%.0f MB", $1/1024}'; }
graphql=http://127.0.0.1:$port/graphql
export BENCH_API=http://127.0.0.1:$port BENCH_TOKENS=$work/tokens BENCH_STATE=$work/state.json BENCH_THREADS=2
echo "JVM options: $java_opts"

# A consultation of Hanoi's communes, published; then the Hanoi plan adopted and applied.
python3 bench/consultations/setup.py prepare "$households" > "$work/prepare.txt"
consultation=$(tail -1 "$work/prepare.txt")
python3 bench/consultations/setup.py publish > /dev/null
python3 bench/disclosure/apply.py
echo "RSS with the plan applied and results published: $(rss)"

communes=api/src/main/resources/demo/communes.csv
echo "address lookup, $clients clients: $(java bench/disclosure/Load.java address "$graphql" "$communes" "$clients" "$seconds")"
echo "bulk conversion of every commune code (unitsAsOf, calls of 1,000):"
java bench/disclosure/Load.java bulk "$graphql" "$communes" "${BENCH_ROUNDS:-5}" | sed 's/^/  /'
document=$(tr '\n' ' ' < admin-ui/src/main/resources/graphql-documents/publicResults.graphql | sed 's/#[^q]*query/query/; s/"/\\"/g')
printf '{"query":"%s","variables":{"id":"%s"}}' "$document" "$consultation" > "$work/results.json"
echo "public results page's document, 526 communes, 32 readers: $(java bench/disclosure/Load.java body "$graphql" "$work/results.json" 32 "$seconds")"
echo "RSS at the end: $(rss)"
