#!/usr/bin/env bash
# The abuse bench of issue 13: residents answer while 32 hostile connections send, at full speed,
# oversized bodies, deep, wide and costly queries, malformed and expired tokens and oversized
# variables (bench/abuse/abuse.lua). On the packaged api with the JVM options of `./ydan run` and
# its limits ON (the defaults), the same setup as bench/consultations (BenchIssuer's RS256 tokens,
# a register of BENCH_HOUSEHOLDS households in Hanoi's 526 communes, an open consultation):
#   1. answers alone: BENCH_ANSWER_CLIENTS (16) connections for BENCH_SECONDS (60): rate, p99
#   2. answers on as many connections, beside the abuse on BENCH_ABUSE_CLIENTS (32), same time
#   3. the api's resident memory sampled every second through both; whether it is still alive;
#      acknowledged answers missing from the store (must be 0)
# Targets: no process dies, RSS ≤ 450 MB, answers under abuse ≥ 50 % of their rate alone with
# p99 ≤ 500 ms, 0 acknowledged answers lost. Needs wrk and python3.
#
#   bench/abuse/measure.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

port=${BENCH_PORT:-18984}
issuer_port=${BENCH_ISSUER_PORT:-18985}
seconds=${BENCH_SECONDS:-60}
answer_clients=${BENCH_ANSWER_CLIENTS:-16}
abuse_clients=${BENCH_ABUSE_CLIENTS:-32}
households=${BENCH_HOUSEHOLDS:-90000}
jar=api/target/api-0.1.0-SNAPSHOT.jar
# As ./ydan run starts it.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
java_opts=$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }
for p in "$port" "$issuer_port"; do
  if [ -n "$(ss -ltnH "sport = :$p")" ]; then echo "port $p is taken" >&2; exit 1; fi
done
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
api=""
issuer=""
sampler=""
cleanup() {
  for pid in $sampler $api $issuer; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_OUT:-}" ]; then mkdir -p "$BENCH_OUT"; cp "$work"/*.txt "$work"/api.log "$BENCH_OUT"/ 2>/dev/null || true; fi
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

# The bench profile only adds the raw-driver endpoints that count stored answers; the limits
# stay as ./ydan run has them.
# shellcheck disable=SC2086
YDAN_ENVIRONMENT=development YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$issuer_port \
  java $java_opts -Dspring.profiles.active=bench -Dydan.demo-data.consultation=false \
  -jar "$jar" >> "$work/api.log" 2>&1 &
api=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
  kill -0 "$api" 2>/dev/null || { tail -50 "$work/api.log"; exit 1; }
  sleep 0.5
done
rss_mb() { ps -o rss= -p "$api" | awk '{printf "%.0f", $1/1024}'; }
# The api reads the issuer's discovery document at the first token; on a loaded machine that first
# read can time out (HTTP 500), so the first signed-in call is retried before anything is measured.
admin_token=$(awk -F'\t' '$1 == "admin" { print $2 }' "$work/tokens")
for _ in $(seq 1 30); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -d '{"query":"{ me { username } }"}' "http://127.0.0.1:$port/graphql")
  [ "$status" = 200 ] && break
  sleep 2
done
export BENCH_API=http://127.0.0.1:$port BENCH_TOKENS=$work/tokens BENCH_STATE=$work/state.json BENCH_THREADS=2
python3 bench/consultations/setup.py prepare "$households" > "$work/prepare.txt"
head -1 "$work/prepare.txt"
export BENCH_CONSULTATION
BENCH_CONSULTATION=$(tail -1 "$work/prepare.txt")
export BENCH_EXPIRED
BENCH_EXPIRED=$(awk -F'\t' '$1 == "expired" { print $2 }' "$work/tokens")
echo "JVM options: $java_opts"
echo "RSS after preparing: $(rss_mb) MB"

summary() {
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       END { printf "%.0f req/s, p50 %.1f ms, p99 %.1f ms", rps, p50, p99 }' "$1"
}
rate() { awk '/Requests\/sec/ { print $2 }' "$1"; }

( while kill -0 "$api" 2>/dev/null; do rss_mb >> "$work/rss.txt"; echo >> "$work/rss.txt"; sleep 1; done ) &
sampler=$!

# Warm-up on the last 10,000 households, then answers alone, then answers beside the abuse, each
# on households not answered before (BENCH_SKIP).
BENCH_SKIP=$((households - 10000)) wrk -t2 -c"$answer_clients" -d10s --timeout 30s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$port/graphql" > /dev/null
wrk -t2 -c"$abuse_clients" -d10s --timeout 30s -s bench/abuse/abuse.lua "http://127.0.0.1:$port/graphql" > /dev/null
BENCH_ACK_LOG=$work/acks-alone wrk -t2 -c"$answer_clients" -d"${seconds}s" --latency --timeout 30s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$port/graphql" > "$work/alone.txt"
echo "answers alone ($answer_clients connections):        $(summary "$work/alone.txt")"
used=$(awk '/^stored/ { print $2 + $4 + $6 + 100 }' "$work/alone.txt")
wrk -t2 -c"$abuse_clients" -d"$((seconds + 4))s" --latency --timeout 30s -s bench/abuse/abuse.lua \
  "http://127.0.0.1:$port/graphql" > "$work/abuse.txt" 2>&1 &
abuse=$!
sleep 2
BENCH_SKIP=$used BENCH_ACK_LOG=$work/acks-abused wrk -t2 -c"$answer_clients" -d"${seconds}s" --latency --timeout 30s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$port/graphql" > "$work/abused.txt"
wait "$abuse" || true
echo "answers beside the abuse:                $(summary "$work/abused.txt")"
echo "  $(grep '^stored' "$work/abused.txt")"
echo "abuse ($abuse_clients connections):                 $(summary "$work/abuse.txt")"
echo "  $(grep '^abuse' "$work/abuse.txt")"
echo "ratio answers beside the abuse / alone: $(awk -v a="$(rate "$work/abused.txt")" -v b="$(rate "$work/alone.txt")" 'BEGIN { printf "%.2f", a / b }')"
if kill -0 "$api" 2>/dev/null; then echo "api alive: yes"; else echo "api alive: NO"; tail -30 "$work/api.log"; exit 1; fi
read -r acked absent <<< "$(python3 bench/consultations/setup.py missing "$work"/acks-alone.* "$work"/acks-abused.*)"
echo "acknowledged answers: $acked, missing in the store: $absent"
echo "api RSS: peak $(sort -n "$work/rss.txt" | tail -1) MB over both runs, now $(rss_mb) MB"
echo "OutOfMemoryError in the log: $(grep -c 'OutOfMemoryError' "$work/api.log" || true)"
