#!/usr/bin/env bash
# Benchmarks of the unit registry (issue 3), on the packaged api with the JVM options of
# `./ydan run` and the `bench` profile, which adds a minimal raw-driver handler
# (GET /bench/raw/..., MongoCollection straight, no GraphQL, no read model) to compare with
# in the same run:
#   - national import: the first start imports 63 + 696 + 10,035 units (time from the api's log)
#   - resident memory after the import, and after the load below
#   - unitByCode: GraphQL vs raw, BENCH_CLIENTS_SMALL connections (4)
#   - a page of 100 communes with district and province: GraphQL vs raw, 16 clients
#   - name search "hoan kiem": GraphQL vs raw, 16 clients
# GraphQL is measured twice: the same query repeated (the api answers it from its cache of
# public registry answers, see RegistryResponseCache) and every query a different document (parsed and
# executed each time). Each load runs BENCH_SECONDS (15) after a warm-up of the same length,
# 2 wrk threads. Needs `wrk` (apt-get install wrk). Sends requests to 127.0.0.1 only.
#
#   bench/units/measure.sh
#   BENCH_JAVA_OPTS="-Xmx192m ..." bench/units/measure.sh    other JVM options
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

port=${BENCH_PORT:-18980}
seconds=${BENCH_SECONDS:-15}
small=${BENCH_CLIENTS_SMALL:-4}
many=${BENCH_CLIENTS:-16}
jar=api/target/api-0.1.0-SNAPSHOT.jar
# The api's options under ./ydan run (read from ./ydan), unless BENCH_JAVA_OPTS says otherwise.
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }

if [ -n "$(ss -ltnH "sport = :$port")" ]; then echo "port $port is taken (BENCH_PORT=...)" >&2; exit 1; fi
./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
api=""
cleanup() {
  if [ -n "$api" ]; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:9 \
  java $java_opts -Dspring.profiles.active=bench -Dydan.api.limits.enabled=false -jar "$jar" > "$work/api.log" 2>&1 &
api=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
  kill -0 "$api" 2>/dev/null || { cat "$work/api.log"; exit 1; }
  sleep 0.5
done

rss() { ps -o rss= -p "$api" | awk '{printf "%.0f MB", $1/1024}'; }
echo "JVM options: $java_opts"
grep -o 'Import of [A-Z]* ([0-9]* rows): .*' "$work/api.log" | sed 's/^/  /'
grep -o 'Demo registry loaded: .*' "$work/api.log" | sed 's/^/national import (first start): /'
echo "RSS after loading the national registry: $(rss)"

graphql=http://127.0.0.1:$port/graphql
raw=http://127.0.0.1:$port/bench/raw
cat > "$work/unit-by-code.json" <<'JSON'
{"query":"query($code: String!) { unitByCode(code: $code) { id code name fullName type } }","variables":{"code":"00004"}}
JSON
cat > "$work/communes.json" <<'JSON'
{"query":"{ units(level: COMMUNE, first: 100) { edges { node { id code name fullName type parent { id code name fullName type parent { id code name fullName type } } } } } }"}
JSON
cat > "$work/search.json" <<'JSON'
{"query":"{ units(search: \"hoan kiem\", first: 20) { edges { node { id code name fullName type } } } }"}
JSON

# wrk's summary → "throughput p50 p99" (ms); fails on any non-2xx answer.
cat > "$work/post.lua" <<'LUA'
-- The same request every time: a repeated query (answered from the api's answer cache).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open(os.getenv("BENCH_BODY")):read("*a")
LUA
cat > "$work/distinct.lua" <<'LUA'
-- Every request a different document (a leading comment with a counter): no answer is
-- reused, every request is parsed, validated and executed.
local body = io.open(os.getenv("BENCH_BODY")):read("*a")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, string.gsub(body, '"query":"', '"query":"#' .. n .. "-" .. math.random(1e9) .. "\\n", 1))
end
LUA
load() {
  local clients=$1 url=$2 script=${3:-} body=${4:-}
  # A long timeout: the raw handler on the embedded store takes seconds for a sorted page.
  local args=(-t2 -c"$clients" -d"${seconds}s" --latency --timeout 60s)
  [ -n "$script" ] && args+=(-s "$work/$script")
  BENCH_BODY=$body wrk "${args[@]}" "$url" > /dev/null
  BENCH_BODY=$body wrk "${args[@]}" "$url" > "$work/wrk.txt"
  if grep -q -E 'Non-2xx|Socket errors' "$work/wrk.txt"; then echo "non-2xx answers:" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       END { printf "%.0f %.1f %.1f\n", rps, p50, p99 }' "$work/wrk.txt"
}
cell() { read -r rps p50 p99 <<< "$1"; printf "%s req/s, p50 %s ms, p99 %s ms" "$rps" "$p50" "$p99"; }

row() {
  local name=$1 clients=$2 body=$3 raw_url=$4
  local same distinct raw
  same=$(load "$clients" "$graphql" post.lua "$body")
  distinct=$(load "$clients" "$graphql" distinct.lua "$body")
  raw=$(load "$clients" "$raw_url")
  printf "| %s | %s | %s | %s | %s | %s |\n" "$name" "$clients" "$(cell "$same")" "$(cell "$distinct")" \
    "$(cell "$raw")" "$(awk -v a="${distinct%% *}" -v b="${raw%% *}" 'BEGIN { printf "%.2f", a / b }')"
}

echo
echo "| read | clients | GraphQL, repeated query | GraphQL, every query different | raw driver | GraphQL (different) / raw throughput |"
echo "|---|---|---|---|---|---|"
row "unitByCode" "$small" "$work/unit-by-code.json" "$raw/unit-by-code?code=00004"
row "page of 100 communes + district + province" "$many" "$work/communes.json" "$raw/communes?first=100"
row "name search \"hoan kiem\"" "$many" "$work/search.json" "$raw/search?q=hoan+kiem&first=20"
echo
echo "RSS after the load: $(rss)"
