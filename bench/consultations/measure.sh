#!/usr/bin/env bash
# Benchmarks of consultations (issue 5), on the packaged api with the JVM options of `./ydan run`
# and the `bench` profile (a raw-driver insert to compare with; a check of acknowledged answers):
#   1. the register: BENCH_HOUSEHOLDS (90,000) households in 1,052 groups of Hanoi's 526 communes,
#      and an open consultation of the 526 communes on the demo plan
#   2. raw-driver inserts, then answerConsultation with a real RS256 token per household, each
#      BENCH_SECONDS (60) with BENCH_CLIENTS (32) connections: throughput, p50, p99; then the
#      answers stored must equal the answers acknowledged, and the results' count must equal both
#   3. kill -9 of the api during a burst of answers; after a restart every acknowledged answer is
#      in the store and the results count the stored answers
#   4. close, every group tallied twice, certification, publication; then the published results
#      read by 32 anonymous clients for BENCH_SECONDS: throughput, p50, p99
#   5. resident memory of the api along the way
# Tokens come from bench/consultations/BenchIssuer.java (JDK only), which plays Keycloak's part
# (discovery + JWKS) and signs one token per household: Keycloak cannot issue 90,000 users' tokens
# in a benchmark's time; the api verifies them exactly as Keycloak's. Needs wrk and python3.
#
#   bench/consultations/measure.sh
#   BENCH_JFR=/tmp/jfr bench/consultations/measure.sh   # also a flight recording of each phase
#   BENCH_OUT=/tmp/out bench/consultations/measure.sh   # keep wrk's outputs and the api's log
#   BENCH_ANSWERS_ONLY=1 bench/consultations/measure.sh # raw inserts and answers only
#   BENCH_JAR=/tmp/other.jar BENCH_SKIP_BUILD=1 bench/consultations/measure.sh  # another build (before/after)
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

port=${BENCH_PORT:-18982}
issuer_port=${BENCH_ISSUER_PORT:-18983}
seconds=${BENCH_SECONDS:-60}
clients=${BENCH_CLIENTS:-32}
households=${BENCH_HOUSEHOLDS:-90000}
jar=${BENCH_JAR:-api/target/api-0.1.0-SNAPSHOT.jar}
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
echo "tokens: $(grep '^ready' "$work/issuer.log")"

recording=""
if [ -n "${BENCH_JFR:-}" ]; then
  mkdir -p "$BENCH_JFR"
  recording="-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=name=bench,settings=profile"
fi
# A flight recording of the phase that just ended, with BENCH_JFR set.
record() {
  [ -z "$recording" ] || { jcmd "$api" JFR.dump name=bench "filename=$BENCH_JFR/$1.jfr" > /dev/null
    jcmd "$api" JFR.stop name=bench > /dev/null; jcmd "$api" JFR.start name=bench settings=profile > /dev/null; }
}
start_api() {
  # shellcheck disable=SC2086
  YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:$issuer_port \
    java $java_opts $recording -Dspring.profiles.active=bench -Dydan.demo-data.consultation=false \
    -Dydan.api.limits.enabled=false -jar "$jar" >> "$work/api.log" 2>&1 &
  api=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
    kill -0 "$api" 2>/dev/null || { tail -50 "$work/api.log"; exit 1; }
    sleep 0.5
  done
}
rss() { ps -o rss= -p "$api" | awk '{printf "%.0f MB", $1/1024}'; }
export BENCH_API=http://127.0.0.1:$port BENCH_TOKENS=$work/tokens BENCH_STATE=$work/state.json BENCH_THREADS=2
start_api
echo "JVM options: $java_opts"
python3 bench/consultations/setup.py prepare "$households" > "$work/prepare.txt"
head -1 "$work/prepare.txt"
export BENCH_CONSULTATION
BENCH_CONSULTATION=$(tail -1 "$work/prepare.txt")
echo "RSS after preparing: $(rss)"

summary() {
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       END { printf "%.0f req/s, p50 %.1f ms, p99 %.1f ms", rps, p50, p99 }' "$1"
}
# Each measured run follows a warm-up of BENCH_WARMUP seconds (JIT, pools): what is measured is
# the sustained rate. The answers' warm-up uses the last 10,000 households, the runs after it the
# first ones.
warmup=${BENCH_WARMUP:-10}
BENCH_RAW_PREFIX=warm wrk -t2 -c"$clients" -d"${warmup}s" --timeout 30s -s bench/consultations/raw.lua \
  "http://127.0.0.1:$port/bench/raw/answers" > /dev/null
wrk -t2 -c"$clients" -d"${seconds}s" --latency --timeout 30s -s bench/consultations/raw.lua \
  "http://127.0.0.1:$port/bench/raw/answers" > "$work/raw.txt"
raw=$(summary "$work/raw.txt")
record raw
echo "raw-driver insert:        $raw"
BENCH_SKIP=$((households - 10000)) wrk -t2 -c"$clients" -d"${warmup}s" --timeout 30s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$port/graphql" > "$work/answers-warmup.txt"
echo "  warm-up: $(grep '^stored' "$work/answers-warmup.txt")"
BENCH_ACK_LOG=$work/acks-load wrk -t2 -c"$clients" -d"${seconds}s" --latency --timeout 30s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$port/graphql" > "$work/answers.txt"
record answers
echo "answerConsultation (JWT): $(summary "$work/answers.txt")"
grep '^stored' "$work/answers.txt" | sed 's/^/  wrk: /'
acknowledged=$(awk '/^stored/ { print $2 }' "$work/answers.txt")
read -r stored counted <<< "$(python3 bench/consultations/setup.py count)"
read -r acked absent <<< "$(python3 bench/consultations/setup.py missing "$work"/acks-load.*)"
# wrk stops with requests in flight: those are stored but not counted as acknowledged.
echo "  acknowledged $acknowledged ($absent of them missing in the store), stored $stored, counted in results $counted"
echo "ratio answerConsultation / raw insert: $(awk -v a="$(awk '/Requests\/sec/ {print $2}' "$work/answers.txt")" -v r="$(awk '/Requests\/sec/ {print $2}' "$work/raw.txt")" 'BEGIN { printf "%.2f", a / r }')"
echo "RSS after the answers: $(rss)"
# BENCH_ANSWERS_ONLY=1: stop here (before/after runs of the answering path).
[ -z "${BENCH_ANSWERS_ONLY:-}" ] || exit 0

# kill -9 during a burst, on households not used above
used=$(awk '/^stored/ { print $2 + $4 + $6 + 100 }' "$work/answers.txt")
BENCH_SKIP=$used BENCH_ACK_LOG=$work/acks wrk -t2 -c"$clients" -d20s --timeout 5s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$port/graphql" > "$work/burst.txt" 2>&1 &
burst=$!
sleep 6
kill -9 "$api"
wait "$api" 2>/dev/null || true
wait "$burst" 2>/dev/null || true
start_api
read -r acked absent <<< "$(python3 bench/consultations/setup.py missing "$work"/acks.*)"
read -r stored counted <<< "$(python3 bench/consultations/setup.py count)"
echo "kill -9 mid-burst: $acked answers acknowledged in the burst, $absent missing after the restart; stored $stored, counted $counted"

python3 bench/consultations/setup.py publish > /dev/null
wrk -t2 -c32 -d"${warmup}s" --timeout 30s -s bench/consultations/results.lua \
  "http://127.0.0.1:$port/graphql" > /dev/null
wrk -t2 -c32 -d"${seconds}s" --latency --timeout 30s -s bench/consultations/results.lua \
  "http://127.0.0.1:$port/graphql" > "$work/results.txt"
if grep -q -E 'Non-2xx|Socket errors' "$work/results.txt"; then cat "$work/results.txt" >&2; exit 1; fi
record results
echo "published results, 526 communes, 32 readers: $(summary "$work/results.txt")"
echo "RSS at the end: $(rss)"
