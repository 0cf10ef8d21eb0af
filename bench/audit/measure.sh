#!/usr/bin/env bash
# Audit log verification at scale (issue 6): fills a fresh embedded store file (the API's
# stand-in: mongo-java-server, H2 file, over loopback) with ENTRIES chained audit entries shaped
# like real ones, then in a fresh JVM with the API's JVM options (those of `./ydan run`) times
# verifyAuditLog's walk (once per chunk size: as it was, one thread reading then hashing, and
# now, pipelined), the viewer's pages and a day's CSV; then a verification with one cursor
# sorted on _id, and a JFR profile of the pipelined verification (hot methods, samples per
# thread).
#
#   bench/audit/measure.sh [entries=1000000] [chunk sizes...=256]
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk

entries=${1:-1000000}
shift || true
java_opts=${BENCH_JAVA_OPTS:-$(sed -n 's/^api_java_opts=\${YDAN_API_JAVA_OPTS:-\(.*\)}$/\1/p' ydan)}
[ -n "$java_opts" ] || { echo "cannot read the api's JVM options from ./ydan" >&2; exit 1; }

./mvnw -q -B -pl api test-compile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -q -B -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
classpath="api/target/test-classes:api/target/classes:$(cat "$work/classpath")"
main=vn.ydan.api.audit.AuditVerificationMeasurement

echo "JVM options: $java_opts"
# The fill is set-up, not measured against a target: more heap for the bulk inserts.
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -cp "$classpath" "$main" fill "$work/data" "$entries"
echo "--- with the api's JVM options (C1 only)"
# shellcheck disable=SC2086
"${JAVA_HOME:+$JAVA_HOME/bin/}java" $java_opts -cp "$classpath" "$main" verify "$work/data" "$@"
echo "--- same heap, C2 compiler (without -XX:TieredStopAtLevel=1)"
# shellcheck disable=SC2086
"${JAVA_HOME:+$JAVA_HOME/bin/}java" ${java_opts/-XX:TieredStopAtLevel=1/} -cp "$classpath" "$main" verify "$work/data" "$@"
echo "--- one cursor sorted on _id (MongoDB's way), api's JVM options"
# shellcheck disable=SC2086
"${JAVA_HOME:+$JAVA_HOME/bin/}java" $java_opts -cp "$classpath" "$main" sorted "$work/data" \
  || echo "sorted cursor: failed (exit $?): the stand-in loads and sorts the whole collection in the heap"
echo "--- profile (JFR) of the pipelined verification, api's JVM options"
# shellcheck disable=SC2086
"${JAVA_HOME:+$JAVA_HOME/bin/}java" $java_opts "-XX:StartFlightRecording=filename=$work/verify.jfr,settings=profile" \
  -cp "$classpath" "$main" pipelined "$work/data"
"${JAVA_HOME:+$JAVA_HOME/bin/}jfr" view --width 200 hot-methods "$work/verify.jfr" | head -30
echo "samples per thread:"
"${JAVA_HOME:+$JAVA_HOME/bin/}jfr" print --events jdk.ExecutionSample "$work/verify.jfr" \
  | sed -n 's/^ *sampledThread = "\([^"]*\)".*/\1/p' | sed 's/[0-9]\+$//' | sort | uniq -c | sort -rn | head -8
echo "--- no store: decode + hash + link check of 200,000 entries (C1, then C2)"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -XX:TieredStopAtLevel=1 -cp "$classpath" "$main" hash 200000
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -cp "$classpath" "$main" hash 200000
