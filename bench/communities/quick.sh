#!/usr/bin/env bash
# A shorter run than measure.sh (no Keycloak, no second GraphQL import): starts the packaged
# api with the national demo communities, waits for them, and reports the import and teams
# times from its log, 10 national figures (curl, anonymous), RSS before and after, the heap
# and a class histogram. JVM options from JAVA_OPTS (default: those of ./ydan run).
#
#   flock /work/bench.lock nice -n -10 bench/communities/quick.sh LABEL
set -u
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
label=${1:-run}
java_opts=${JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
work=$(mktemp -d)
port=${BENCH_PORT:-18993}
cp api/target/api-0.1.0-SNAPSHOT.jar "$work/api.jar"
# shellcheck disable=SC2086
YDAN_DATA_DIR=$work/data YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=http://127.0.0.1:18180 \
YDAN_DEMODATA_COMMUNITIES=true YDAN_STORE_FSYNC=true \
  "$java" $java_opts -Dydan.api.limits.rate.enabled=false -jar "$work/api.jar" > "$work/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -rf "$work"' EXIT
started=$(date +%s)
until grep -q 'Demo communities: ' "$work/api.log"; do
  kill -0 $api 2>/dev/null || { echo "[$label] the api stopped:"; tail -5 "$work/api.log"; exit 1; }
  if [ $(( $(date +%s) - started )) -gt "${LIMIT:-1500}" ]; then echo "[$label] TIMEOUT"; break; fi
  sleep 2
done
echo "[$label] JVM options: $java_opts"
echo "[$label] $(uptime)"
echo "[$label] start to demo communities loaded: $(( $(date +%s) - started )) s"
grep -o 'Import of RESIDENTIAL_GROUPS .*' "$work/api.log"
grep -o 'Demo communities: .*' "$work/api.log"
grep -c 'Registry changed in the store' "$work/api.log" | sed 's/^/reloads by the revision check: /'
grep -E 'VmRSS|VmHWM' /proc/$api/status
q='{"query":"query($d: Date) { communityTeamStats(asOf: $d) { groups groupsWithTeam members teamsBelowMinimum } }","variables":{"d":"2025-06-30"}}'
echo -n "national figures, seconds per call: "
for _ in 1 2 3 4 5 6 7 8 9 10; do
  curl -s -o "$work/stats.json" -w '%{time_total} ' -H 'Content-Type: application/json' -d "$q" "http://127.0.0.1:$port/graphql"
done
echo; cat "$work/stats.json"; echo
# Each date is asked once: every call counts the ~85,000 groups again (the cache's miss).
echo -n "national figures, a date not asked before, seconds per call: "
for day in 01 02 03 04 05 06 07 08 09 10; do
  q1=$(echo "$q" | sed "s/2025-06-30/2025-05-$day/")
  curl -s -o /dev/null -w '%{time_total} ' -H 'Content-Type: application/json' -d "$q1" "http://127.0.0.1:$port/graphql"
done
echo
"$jcmd" $api VM.native_memory summary 2>/dev/null | grep -E '^-|committed=' | grep -E 'Total|Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Metaspace|Arena|Shared' | head -20
grep VmRSS /proc/$api/status
"$jcmd" $api GC.class_histogram | head -25
"$jcmd" $api GC.heap_info | head -6
grep VmRSS /proc/$api/status
