#!/usr/bin/env bash
# Several api instances over one store (issue 18, decision 17), on the packaged api with the JVM
# options of `./ydan run`: the store as its own process (`api.jar store`, commit and fsync before
# every acknowledgement), two api instances over it, the round-robin proxy of `./ydan run
# --instances 2` in front.
#   1. BENCH_HOUSEHOLDS (40,000) households in Hanoi's 526 communes, an open consultation
#      (bench/consultations/setup.py, through instance 1)
#   2. answerConsultation with a real RS256 token per household (bench/consultations/answers.lua),
#      BENCH_SECONDS (30) with BENCH_CLIENTS (32) connections, side by side in one run: to one
#      instance directly, then through the proxy to both. CPU time of every process (store, api
#      instances, proxy) from /proc, per stored answer
#   3. failover: clients answering through the proxy, kill -9 of instance 2; the time to the next
#      acknowledged answer (bench/instances/failover.py)
#   4. every acknowledged answer is in the store, once
# Needs wrk and python3.
#
#   bench/instances/measure.sh
set -euo pipefail
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

store_port=${BENCH_STORE_PORT:-18990}
port1=${BENCH_PORT:-18991}
port2=$((port1 + 1))
proxy_port=$((port1 + 2))
issuer_port=$((port1 + 3))
seconds=${BENCH_SECONDS:-30}
clients=${BENCH_CLIENTS:-32}
households=${BENCH_HOUSEHOLDS:-40000}
jar=api/target/api-0.1.0-SNAPSHOT.jar
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
store_opts=$(sed -n 's/^store_java_opts=\${YDAN_STORE_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)
[ -n "$java_opts" ] && [ -n "$store_opts" ] || { echo "cannot read the JVM options from ./ydan" >&2; exit 1; }
for p in "$store_port" "$port1" "$port2" "$proxy_port" "$issuer_port"; do
  if [ -n "$(ss -ltnH "sport = :$p")" ]; then echo "port $p is taken" >&2; exit 1; fi
done
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_OUT:-}" ]; then mkdir -p "$BENCH_OUT"; cp "$work"/*.txt "$work"/*.log "$BENCH_OUT"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

seq -f 'b-%06g' 1 "$households" > "$work/households"
java bench/consultations/BenchIssuer.java "$issuer_port" "$work/households" "$work/tokens" > "$work/issuer.log" 2>&1 &
pids+=($!)
until grep -q '^ready' "$work/issuer.log"; do sleep 1; done

# shellcheck disable=SC2086
java $store_opts -jar "$jar" store --port "$store_port" --data-dir "$work/data" > "$work/store.log" 2>&1 &
store=$!
pids+=($store)
until grep -q 'Store ready' "$work/store.log"; do kill -0 "$store" || { cat "$work/store.log"; exit 1; }; sleep 0.3; done
start_api() {
  # shellcheck disable=SC2086
  YDAN_DATA_DIR=$work/data YDAN_API_PORT=$1 YDAN_KEYCLOAK_URL=http://127.0.0.1:$issuer_port \
    MONGODB_URI=mongodb://127.0.0.1:$store_port/ydan YDAN_STORE_STAND_IN=true \
    java $java_opts -Dspring.profiles.active=bench -Dydan.demo-data.consultation=false -Dydan.api.limits.enabled=false \
    -jar "$jar" >> "$work/api-$1.log" 2>&1 &
  pids+=($!)
  eval "api_$1=$!"
}
# Both at once on the empty store: the demo registry is loaded once, under a lease.
start_api "$port1"
start_api "$port2"
api1=$(eval echo "\$api_$port1")
api2=$(eval echo "\$api_$port2")
for p in "$port1" "$port2"; do
  until curl -fs -o /dev/null "http://127.0.0.1:$p/actuator/health"; do sleep 0.5; done
done
java -Xmx64m -XX:+UseSerialGC scripts/RoundRobinProxy.java "127.0.0.1:$proxy_port" "127.0.0.1:$port1" "127.0.0.1:$port2" > "$work/proxy.log" 2>&1 &
proxy=$!
pids+=($proxy)
until curl -fs -o /dev/null "http://127.0.0.1:$proxy_port/actuator/health"; do sleep 0.3; done
echo "JVM options: $java_opts; store: $store_opts"

export BENCH_API=http://127.0.0.1:$port1 BENCH_TOKENS=$work/tokens BENCH_STATE=$work/state.json BENCH_THREADS=2
python3 bench/consultations/setup.py prepare "$households" > "$work/prepare.txt"
head -1 "$work/prepare.txt"
export BENCH_CONSULTATION
BENCH_CONSULTATION=$(tail -1 "$work/prepare.txt")

ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$total"; }
hz=$(getconf CLK_TCK)
summary() {
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       END { printf "%.0f req/s, p50 %.1f ms, p99 %.1f ms", rps, p50, p99 }' "$1"
}
stored_of() { awk '/^stored/ { print $2 }' "$1"; }
# Warm-up of both instances through the proxy, on the last 10,000 households.
BENCH_SKIP=$((households - 10000)) wrk -t2 -c"$clients" -d"${BENCH_WARMUP:-10}s" --timeout 30s \
  -s bench/consultations/answers.lua "http://127.0.0.1:$proxy_port/graphql" > /dev/null
used=0
run() {
  local name=$1 url=$2 before after stored cpu store_before store_after api_before api_after
  before=$(ticks "$store" "$api1" "$api2" "$proxy")
  store_before=$(ticks "$store")
  api_before=$(ticks "$api1" "$api2")
  BENCH_SKIP=$used BENCH_ACK_LOG=$work/acks wrk -t2 -c"$clients" -d"${seconds}s" --latency --timeout 30s \
    -s bench/consultations/answers.lua "$url/graphql" > "$work/$name.txt"
  after=$(ticks "$store" "$api1" "$api2" "$proxy")
  store_after=$(ticks "$store")
  api_after=$(ticks "$api1" "$api2")
  stored=$(stored_of "$work/$name.txt")
  used=$((used + stored + $(awk '/^stored/ { print $4 + $6 + 100 }' "$work/$name.txt")))
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$stored" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  echo "$name: $(summary "$work/$name.txt"); $stored stored; CPU per answer $cpu ms (all processes):" \
    "api $(awk -v t=$((api_after - api_before)) -v hz="$hz" -v n="$stored" 'BEGIN { printf "%.2f", t * 1000 / hz / n }') ms," \
    "store $(awk -v t=$((store_after - store_before)) -v hz="$hz" -v n="$stored" 'BEGIN { printf "%.2f", t * 1000 / hz / n }') ms"
}
run "one-instance" "http://127.0.0.1:$port1"
run "two-instances" "http://127.0.0.1:$proxy_port"
python3 bench/instances/failover.py "http://127.0.0.1:$proxy_port" "$work/tokens" "$BENCH_CONSULTATION" "$used" "$api2"
read -r acked absent <<< "$(python3 bench/consultations/setup.py missing "$work"/acks.*)"
echo "acknowledged in the measured runs: $acked, missing in the store: $absent"
