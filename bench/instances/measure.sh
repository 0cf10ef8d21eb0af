#!/usr/bin/env bash
# Several api instances over one store (issue 18, decision 17), on the packaged api with the JVM
# options of `./ydan run`: the store as its own process (`api.jar store`, commit and fsync before
# every acknowledgement), BENCH_INSTANCES (3; 2 or 3) api instances over it, the round-robin proxy
# of `./ydan run --instances N` in front (one over the first two, one over all three).
#   1. BENCH_HOUSEHOLDS (40,000) households in Hanoi's 526 communes, an open consultation
#      (bench/consultations/setup.py, through instance 1)
#   2. answerConsultation with a real RS256 token per household (bench/consultations/answers.lua),
#      BENCH_SECONDS (30) with BENCH_CLIENTS (32) connections, side by side in one run: to one
#      instance directly, then through a proxy to two, then to three. CPU time of every process
#      (store, each api instance, proxy) from /proc, per stored answer; then one instance again
#      under a JFR recording (BENCH_JFR=1; empty: none), its hot methods in profiled-hot.txt
#   3. failover: clients answering through the two-instance proxy, kill -9 of instance 2; the time to the next
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
port3=$((port1 + 2))
proxy_port=$((port1 + 3))
proxy3_port=$((port1 + 4))
issuer_port=$((port1 + 5))
instances=${BENCH_INSTANCES:-3}
seconds=${BENCH_SECONDS:-30}
clients=${BENCH_CLIENTS:-32}
households=${BENCH_HOUSEHOLDS:-40000}
jar=api/target/api-0.1.0-SNAPSHOT.jar
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
store_opts=$(sed -n 's/^store_java_opts=\${YDAN_STORE_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)
[ -n "$java_opts" ] && [ -n "$store_opts" ] || { echo "cannot read the JVM options from ./ydan" >&2; exit 1; }
for p in "$store_port" "$port1" "$port2" "$port3" "$proxy_port" "$proxy3_port" "$issuer_port"; do
  if [ -n "$(ss -ltnH "sport = :$p")" ]; then echo "port $p is taken" >&2; exit 1; fi
done
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_OUT:-}" ]; then mkdir -p "$BENCH_OUT"; cp "$work"/*.txt "$work"/*.log "$work"/*.jfr "$BENCH_OUT"/ 2>/dev/null || true; fi
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
# All at once on the empty store: the demo registry is loaded once, under a lease.
ports=("$port1" "$port2")
[ "$instances" -lt 3 ] || ports+=("$port3")
for p in "${ports[@]}"; do start_api "$p"; done
api1=$(eval echo "\$api_$port1")
api2=$(eval echo "\$api_$port2")
api3=$([ "$instances" -lt 3 ] || eval echo "\$api_$port3")
apis=("$api1" "$api2")
[ -z "$api3" ] || apis+=("$api3")
for p in "${ports[@]}"; do
  until curl -fs -o /dev/null "http://127.0.0.1:$p/actuator/health"; do sleep 0.5; done
done
java -Xmx64m -XX:+UseSerialGC scripts/RoundRobinProxy.java "127.0.0.1:$proxy_port" "127.0.0.1:$port1" "127.0.0.1:$port2" > "$work/proxy.log" 2>&1 &
proxy=$!
pids+=($proxy)
proxies=("$proxy")
if [ "$instances" -ge 3 ]; then
  java -Xmx64m -XX:+UseSerialGC scripts/RoundRobinProxy.java "127.0.0.1:$proxy3_port" "127.0.0.1:$port1" "127.0.0.1:$port2" "127.0.0.1:$port3" > "$work/proxy3.log" 2>&1 &
  pids+=($!)
  proxies+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$proxy3_port/actuator/health"; do sleep 0.3; done
fi
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
# Warm-up of each instance directly, BENCH_WARMUP (20) s each on households of its own among the
# last 10,000: JIT compilation would otherwise count against the instances that the one-instance
# run did not warm.
k=0
for p in "${ports[@]}"; do
  BENCH_SKIP=$((households - 10000 + k * 3000)) wrk -t2 -c"$clients" -d"${BENCH_WARMUP:-20}s" --timeout 30s \
    -s bench/consultations/answers.lua "http://127.0.0.1:$p/graphql" > /dev/null
  k=$((k + 1))
done
used=0
per_answer() { awk -v t="$1" -v hz="$hz" -v n="$2" 'BEGIN { printf "%.2f", t * 1000 / hz / n }'; }
run() {
  local name=$1 url=$2 stored pid i line
  local -a before=()
  local all=("$store" "${apis[@]}" "${proxies[@]}")
  for pid in "${all[@]}"; do before+=("$(ticks "$pid")"); done
  local jfr=''
  [ "$name" != profiled ] || jfr=$work/$name.jfr
  [ -z "$jfr" ] || jcmd "$api1" JFR.start name=bench settings=profile filename="$jfr" > /dev/null
  BENCH_SKIP=$used BENCH_ACK_LOG=$work/acks wrk -t2 -c"$clients" -d"${seconds}s" --latency --timeout 30s \
    -s bench/consultations/answers.lua "$url/graphql" > "$work/$name.txt"
  [ -z "$jfr" ] || jcmd "$api1" JFR.stop name=bench > /dev/null
  stored=$(stored_of "$work/$name.txt")
  used=$((used + stored + $(awk '/^stored/ { print $4 + $6 + 100 }' "$work/$name.txt")))
  local total=0 apis_total=0 parts=''
  for i in "${!all[@]}"; do
    local spent=$(($(ticks "${all[$i]}") - before[i]))
    total=$((total + spent))
    case $i in
      0) parts="store $(per_answer "$spent" "$stored")" ;;
      *) if [ "$i" -le "${#apis[@]}" ]; then
           apis_total=$((apis_total + spent)); parts="$parts, api-$i $(per_answer "$spent" "$stored")"
         else
           parts="$parts, proxy-$((i - ${#apis[@]})) $(per_answer "$spent" "$stored")"
         fi ;;
    esac
  done
  line="$name: $(summary "$work/$name.txt"); $stored stored; CPU per answer $(per_answer "$total" "$stored") ms"
  echo "$line (api instances $(per_answer "$apis_total" "$stored") ms; $parts)"
}
run "one-instance" "http://127.0.0.1:$port1"
run "two-instances" "http://127.0.0.1:$proxy_port"
[ "$instances" -lt 3 ] || run "three-instances" "http://127.0.0.1:$proxy3_port"
# Where the time goes: instance 1 alone again, under a JFR recording (not in the figures above:
# the recording costs CPU of its own).
if [ -n "${BENCH_JFR-1}" ]; then
  run "profiled" "http://127.0.0.1:$port1"
  jfr view --width 200 hot-methods "$work/profiled.jfr" > "$work/profiled-hot.txt" 2>&1 || true
  echo "JFR hot methods of api-1 answering alone (profiled-hot.txt):"
  sed -n '1,25p' "$work/profiled-hot.txt"
fi
python3 bench/instances/failover.py "http://127.0.0.1:$proxy_port" "$work/tokens" "$BENCH_CONSULTATION" "$used" "$api2"
read -r acked absent <<< "$(python3 bench/consultations/setup.py missing "$work"/acks.*)"
echo "acknowledged in the measured runs: $acked, missing in the store: $absent"
