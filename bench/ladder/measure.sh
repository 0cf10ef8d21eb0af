#!/usr/bin/env bash
# The benchmark ladder (issue 7): one run of the packaged api (JVM options of `./ydan run`,
# `bench` profile, national registry loaded, rate budgets off) and each rung loaded side by
# side with the same wrk settings:
#   1. a static answer                        GET /bench/ladder/static (HTTP, filters, no work)
#   2. a raw-driver handler: unit by id       GET /bench/ladder/raw-unit?id=… (MongoCollection.find by _id)
#   2b. the raw-driver page of 100 + parents  GET /bench/raw/communes?first=100 (units' BenchUnitReads:
#                                             the embedded store scans and sorts every unit)
#   3. GraphQL unit by id                     unit(id: $id) { id code name fullName type }, ids rotating
#   4. GraphQL page of 100 units + parents    units(level: COMMUNE, first: 100, after: $after) with
#                                             parent { … parent { … } }, pages rotating (100 pages:
#                                             more than the api's public answer cache keeps)
#   4b. the same page repeated                answered from the api's cache of public answers
#   5. abusive queries refused                too deep, too complex, too many aliases, too large,
#                                             fragments doubling 40 times; every document different;
#                                             also with 1 connection (the refusal's own latency)
#   (slots: the online-answer mutation with a real JWT, published results: later issues)
# For each: throughput, p50, p99 and the api's RSS after it; the ratio of each GraphQL rung to the
# raw unit-by-id handler's throughput, and to the raw handler doing the same read. Needs `wrk` (apt-get install -y wrk). Loads 127.0.0.1 only.
#
#   bench/ladder/measure.sh                  # ~3 minutes
#   BENCH_SECONDS=20 BENCH_CLIENTS=16 bench/ladder/measure.sh
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

port=${BENCH_PORT:-18990}
seconds=${BENCH_SECONDS:-10}
clients=${BENCH_CLIENTS:-8}
jar=${BENCH_JAR:-api/target/api-0.1.0-SNAPSHOT.jar}
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }

if [ -n "$(ss -ltnH "sport = :$port")" ]; then echo "port $port is taken (BENCH_PORT=...)" >&2; exit 1; fi
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl api -am package

work=$(mktemp -d)
api=""
cleanup() {
  if [ -n "$api" ]; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:9 \
  java $java_opts -Dspring.profiles.active=bench -Dydan.api.limits.rate.enabled=false \
  -jar "$jar" > "$work/api.log" 2>&1 &
api=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do
  kill -0 "$api" 2>/dev/null || { cat "$work/api.log"; exit 1; }
  sleep 0.5
done
base=http://127.0.0.1:$port
graphql=$base/graphql
rss() { ps -o rss= -p "$api" | awk '{printf "%.0f", $1/1024}'; }

# Ids of the 10,000 first communes and the cursors of their 100 pages of 100, from the api
# itself. More pages than the api keeps public answers (64): every page is executed.
after=null
: > "$work/ids.txt"; : > "$work/cursors.txt"
for _ in $(seq 100); do
  page=$(curl -fs "$graphql" -H 'Content-Type: application/json' -d \
    "{\"query\":\"query(\$after: String) { units(level: COMMUNE, first: 100, after: \$after) { edges { node { id } } pageInfo { endCursor } } }\",\"variables\":{\"after\":$after}}")
  grep -o '"id":"[^"]*"' <<< "$page" | cut -d'"' -f4 >> "$work/ids.txt"
  cursor=$(grep -o '"endCursor":"[^"]*"' <<< "$page" | cut -d'"' -f4)
  echo "$cursor" >> "$work/cursors.txt"
  after="\"$cursor\""
done
[ "$(wc -l < "$work/ids.txt")" -ge 10000 ] || { echo "could not list the communes" >&2; exit 1; }

# wrk scripts: each request takes the next id / cursor (one Lua state per wrk thread).
cat > "$work/rotate.lua" <<'LUA'
local values = {}
for line in io.lines(os.getenv("BENCH_VALUES")) do values[#values + 1] = line end
local template = os.getenv("BENCH_TEMPLATE")
local path = os.getenv("BENCH_PATH")
local n = math.random(#values)
if template ~= nil and template ~= "" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/graphql-response+json"
end
request = function()
  n = n % #values + 1
  if template ~= nil and template ~= "" then
    return wrk.format(nil, nil, nil, (string.gsub(template, "@VALUE@", values[n])))
  end
  return wrk.format("GET", path .. values[n])
end
LUA
cat > "$work/abusive.lua" <<'LUA'
-- Cycles over the abusive bodies (one JSON per line), each request a different document (a
-- leading comment with a counter): nothing is reused, every one is parsed and measured.
local bodies = {}
for line in io.lines(os.getenv("BENCH_VALUES")) do bodies[#bodies + 1] = line end
local n = math.random(1e6)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
request = function()
  n = n + 1
  local body = bodies[n % #bodies + 1]
  return wrk.format(nil, nil, nil, (string.gsub(body, '"query":"', '"query":"#' .. n .. "\\n", 1)))
end
LUA
# The abusive classes: 17 levels deep; a page of 100 with 100 children each; 40 aliases; 33 KB;
# fragments doubling 40 times (2^40 fields if expanded).
{
  printf '{"query":"{ unitByCode(code: \\"00004\\") { %s code %s }"}\n' "$(printf 'parent { %.0s' $(seq 15))" "$(printf '} %.0s' $(seq 16))"
  echo '{"query":"{ units(first: 100) { edges { node { children(first: 100) { edges { node { code } } } } } } }"}'
  printf '{"query":"{ %s }"}\n' "$(for i in $(seq 40); do printf 'a%d: __typename ' "$i"; done)"
  printf '{"query":"{ __typename } #%s"}\n' "$(head -c 33792 /dev/zero | tr '\0' x)"
  printf '{"query":"{ units(first: 1) { edges { node { ...F40 } } } } fragment F0 on Unit { code } %s"}\n' \
    "$(for i in $(seq 40); do printf 'fragment F%d on Unit { ...F%d ...F%d } ' "$i" $((i - 1)) $((i - 1)); done)"
} > "$work/abusive.txt"

unit_body='{"query":"query($id: ID!) { unit(id: $id) { id code name fullName type } }","variables":{"id":"@VALUE@"}}'
page_body='{"query":"query($after: String) { units(level: COMMUNE, first: 100, after: $after) { edges { node { id code name fullName type parent { id code name fullName type parent { id code name fullName type } } } } } }","variables":{"after":"@VALUE@"}}'

# Each body answers as expected before it is loaded.
first_id=$(head -1 "$work/ids.txt"); first_cursor=$(head -1 "$work/cursors.txt")
check() { grep -q "$2" <<< "$1" || { echo "unexpected answer: $1" >&2; exit 1; }; }
check "$(curl -s "$base/bench/ladder/raw-unit?id=$first_id")" '"fullName"'
check "$(curl -s "$graphql" -H 'Content-Type: application/json' -d "${unit_body//@VALUE@/$first_id}")" '"fullName"'
check "$(curl -s "$graphql" -H 'Content-Type: application/json' -d "${page_body//@VALUE@/$first_cursor}" | head -c 400)" '"parent":{'
codes=$(while read -r body; do curl -s "$graphql" -H 'Content-Type: application/json' -d "$body" | grep -o '"code":"[A-Z_]*"'; done < "$work/abusive.txt" | tr '\n' ' ')
[ "$codes" = '"code":"QUERY_TOO_DEEP" "code":"QUERY_TOO_COMPLEX" "code":"TOO_MANY_ALIASES" "code":"DOCUMENT_TOO_LARGE" "code":"QUERY_TOO_COMPLEX" ' ] ||
  { echo "abusive queries not refused as expected: $codes" >&2; exit 1; }

# wrk's summary → "throughput p50 p99" (ms). Non-2xx answers fail the run unless expected.
load() {
  local expect_errors=$1 url=$2 script=${3:-} connections=${4:-$clients}
  local args=(-t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"${seconds}s" --latency --timeout 30s)
  [ -n "$script" ] && args+=(-s "$work/$script")
  wrk "${args[@]}" "$url" > /dev/null
  wrk "${args[@]}" "$url" > "$work/wrk.txt"
  if grep -q 'Socket errors' "$work/wrk.txt" || { [ "$expect_errors" = no ] && grep -q 'Non-2xx' "$work/wrk.txt"; }; then
    echo "errors under load:" >&2; cat "$work/wrk.txt" >&2; exit 1
  fi
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
       /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
       END { printf (rps < 10 ? "%.1f" : "%.0f") " %.2f %.2f\n", rps, p50, p99 }' "$work/wrk.txt"
}

export BENCH_VALUES BENCH_TEMPLATE BENCH_PATH
BENCH_VALUES=$work/ids.txt; BENCH_TEMPLATE=""; BENCH_PATH=""
static=$(load no "$base/bench/ladder/static"); static_rss=$(rss)
BENCH_PATH="/bench/ladder/raw-unit?id="
raw=$(load no "$base" rotate.lua); raw_rss=$(rss)
BENCH_PATH=""; BENCH_TEMPLATE=$unit_body
unit=$(load no "$graphql" rotate.lua); unit_rss=$(rss)
BENCH_VALUES=$work/cursors.txt; BENCH_TEMPLATE=$page_body
page=$(load no "$graphql" rotate.lua); page_rss=$(rss)
head -1 "$work/cursors.txt" > "$work/one-cursor.txt"; BENCH_VALUES=$work/one-cursor.txt; BENCH_TEMPLATE=$page_body
page_cached=$(load no "$graphql" rotate.lua); page_cached_rss=$(rss)
BENCH_TEMPLATE=""
raw_page=$(load no "$base/bench/raw/communes?first=100"); raw_page_rss=$(rss)
BENCH_VALUES=$work/abusive.txt; BENCH_TEMPLATE=""
refused=$(load yes "$graphql" abusive.lua); refused_rss=$(rss)
refused_one=$(load yes "$graphql" abusive.lua 1); refused_one_rss=$(rss)

raw_rps=${raw%% *}
row() {
  local rung=$1 what=$2 result=$3 memory=$4 ratio=${5:-} same=${6:-}
  read -r rps p50 p99 <<< "$result"
  [ "$ratio" = yes ] && ratio=$(awk -v a="$rps" -v b="$raw_rps" 'BEGIN { printf "%.2f", a / b }')
  [ -n "$same" ] && same=$(awk -v a="$rps" -v b="${same%% *}" 'BEGIN { printf "%.2f", a / b }')
  printf "| %s | %s | %s | %s | %s | %s MB | %s | %s |\n" "$rung" "$what" "$rps" "$p50" "$p99" "$memory" "$ratio" "$same"
}
echo "JVM options: $java_opts; wrk: 2 threads, $clients connections, ${seconds}s after ${seconds}s of warm-up"
echo
echo "| rung | request | req/s | p50 ms | p99 ms | RSS after | ÷ raw unit by id (2) | ÷ same read, raw |"
echo "|---|---|---|---|---|---|---|---|"
row 1 "static answer" "$static" "$static_rss" yes
row 2 "raw-driver handler: unit by id" "$raw" "$raw_rss" yes
row 2b "raw-driver handler: page of 100 communes + parents" "$raw_page" "$raw_page_rss" yes
row 3 "GraphQL unit by id" "$unit" "$unit_rss" yes "$raw"
row 4 "GraphQL page of 100 units + parent + grandparent" "$page" "$page_rss" yes "$raw_page"
row 4b "the same page repeated (public answer cache)" "$page_cached" "$page_cached_rss" yes "$raw_page"
row 5 "abusive queries refused (5 classes, every document new)" "$refused" "$refused_rss"
row 5b "the same, 1 connection" "$refused_one" "$refused_one_rss"
echo "| 6 | online-answer mutation with a real JWT | (slot: consultations) | | | | | |"
echo "| 7 | published results | (slot: results) | | | | | |"
