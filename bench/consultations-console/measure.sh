#!/usr/bin/env bash
# The console at Hanoi's size (issue 15): the api with the demo's 526-commune consultation and its
# simulated answers (as `./ydan run` starts it), the console with `./ydan run`'s memory settings,
# N officials in headless Chromium on the live results page for M minutes with tabs opened and
# closed beside them, tallies verified through the api and timed until every open page shows them,
# then a clerk on a phone-size screen from his home page to a group's tally form (CityBench.java).
# Reports the console's RSS (max of a sample every 5 s), heap after a full GC, errors in its log.
#
#   bench/consultations-console/measure.sh [officials] [minutes]
#
# Needs the test Keycloak (keycloak-realm/keycloak.sh start test, port 18180; its realm accepts the
# console on port 8081) and the jars (./mvnw -B -DskipTests -pl api,admin-ui -am package).
set -euo pipefail
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/jdk.sh"
ydan_find_jdk
officials=${1:-5}
minutes=${2:-3}
api_port=${BENCH_API_PORT:-28095}
console_port=8081
keycloak=${YDAN_TEST_KEYCLOAK_URL:-http://127.0.0.1:18180}
tmp=${TMPDIR:-/tmp}
data=$(mktemp -d "$tmp/ydan-bench-city.XXXXXX")
version=0.1.0-SNAPSHOT
# ./ydan run's settings (192 MB heaps, exit on OutOfMemoryError).
api_opts="-Xms64m -Xmx192m -XX:+ExitOnOutOfMemoryError -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m"
console_opts="-Xms64m -Xmx192m -XX:+ExitOnOutOfMemoryError -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:TieredStopAtLevel=1"
export VAADIN_USAGE_STATS_ENABLED=false MALLOC_ARENA_MAX=2

# Copies of the jars: a build running meanwhile (an end-to-end test) rewrites target/.
cp "$root/api/target/api-$version.jar" "$data/api.jar"
# BENCH_CONSOLE_JAR: another build of the console (before/after a change, side by side).
cp "${BENCH_CONSOLE_JAR:-$root/admin-ui/target/admin-ui-$version.jar}" "$data/console.jar"
cp_file="$data/classpath.txt"
(cd "$root" && ./mvnw -q -B -o -pl e2e dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test)

YDAN_API_PORT=$api_port YDAN_KEYCLOAK_URL=$keycloak YDAN_DATA_DIR=$data \
  "$JAVA_HOME/bin/java" $api_opts -Dydan.demo-data.simulate-answers=true \
  -jar "$data/api.jar" > "$data/api.log" 2>&1 &
api=$!
YDAN_CONSOLE_PORT=$console_port YDAN_KEYCLOAK_URL=$keycloak YDAN_API_URL=http://127.0.0.1:$api_port/graphql \
  "$JAVA_HOME/bin/java" $console_opts -jar "$data/console.jar" > "$data/console.log" 2>&1 &
console=$!
sampler=''
trap 'kill $api $console $sampler 2>/dev/null; wait $api $console 2>/dev/null; echo "logs: $data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$api_port/actuator/health"; do sleep 2; done
until curl -fs -o /dev/null "http://127.0.0.1:$console_port/actuator/health"; do sleep 2; done
# The demo consultation is made on the first start, after the registry: wait for it.
until grep -q "Demo: synthetic households answer" "$data/api.log"; do sleep 2; done
echo "api and console up; demo consultation open"

(while kill -0 "$console" 2>/dev/null; do ps -o rss= -p "$console" >> "$data/rss.txt"; sleep 5; done) &
sampler=$!

"$JAVA_HOME/bin/java" -Dclerks="${BENCH_CLERKS:-3}" -Dprofile="${BENCH_PROFILE:-false}" -cp "$(cat "$cp_file")" "$root/bench/consultations-console/CityBench.java" \
  "http://127.0.0.1:$console_port/" "http://127.0.0.1:$api_port/graphql" "$keycloak" "$officials" "$minutes" \
  "$data" 2>&1 | tee "$data/bench.txt" | grep '^bench:' || echo "CityBench failed: $data/bench.txt"

cp "$data"/chart-*.png "$root/bench/consultations-console/" 2>/dev/null || true
sort -n "$data/rss.txt" | tail -1 | awk '{printf "console RSS max: %.0f MB\n", $1/1024}'
"$JAVA_HOME/bin/jcmd" "$console" GC.run > /dev/null
"$JAVA_HOME/bin/jcmd" "$console" GC.heap_info | grep -Eo 'used [0-9]+K' | head -1 | sed 's/^/console heap after GC: /'
echo "console log: $(grep -c ' ERROR ' "$data/console.log" || true) ERROR lines, $(grep -c ' WARN ' "$data/console.log" || true) WARN lines," \
  "$(grep -c 'cannot be had by subscription' "$data/console.log" || true) subscription fallbacks"
grep -E ' (ERROR|WARN) ' "$data/console.log" | cut -c1-220 | sort | uniq -c | sort -rn | head -5
