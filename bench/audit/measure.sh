#!/usr/bin/env bash
# Audit log verification at scale (issue 6): fills a fresh embedded store file (the API's
# stand-in: mongo-java-server, H2 file, over loopback) with ENTRIES chained audit entries shaped
# like real ones, then in a fresh JVM with the API's JVM options (those of `./ydan run`) times
# verifyAuditLog's walk (once per chunk size: as it was, one thread reading then hashing, and
# now, one sorted cursor read ahead of the hashing), the viewer's pages and a day's CSV, a JFR
# profile (hot methods, samples per thread), and side by side the file format before issue 19
# against format 2.
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
run() { "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$@"; }
# The fill is set-up, not measured against a target: more heap for the bulk inserts. It writes the
# api's file format (format 2, issue 19).
run -Xmx1g -Dydan.bench.format=2 -cp "$classpath" "$main" fill "$work/data" "$entries"
echo "--- with the api's JVM options (C1 only): before (_id \$in chunks) and now (one sorted cursor)"
# shellcheck disable=SC2086
run $java_opts -Dydan.bench.format=2 -cp "$classpath" "$main" verify "$work/data" "$@"
echo "--- same heap, C2 compiler (without -XX:TieredStopAtLevel=1)"
# shellcheck disable=SC2086
run ${java_opts/-XX:TieredStopAtLevel=1/} -Dydan.bench.format=2 -cp "$classpath" "$main" verify "$work/data" "$@"
echo "--- profile (JFR) of the verification, api's JVM options"
# shellcheck disable=SC2086
run $java_opts -Dydan.bench.format=2 "-XX:StartFlightRecording=filename=$work/verify.jfr,settings=profile" \
  -cp "$classpath" "$main" pipelined "$work/data"
"${JAVA_HOME:+$JAVA_HOME/bin/}jfr" view --width 200 hot-methods "$work/verify.jfr" | head -30
echo "samples per thread:"
"${JAVA_HOME:+$JAVA_HOME/bin/}jfr" print --events jdk.ExecutionSample "$work/verify.jfr" \
  | sed -n 's/^ *sampledThread = "\([^"]*\)".*/\1/p' | sed 's/[0-9]\+$//' | sort | uniq -c | sort -rn | head -8
compare=${BENCH_COMPARE_ENTRIES:-100000}
echo "--- side by side, $compare entries: the file format before issue 19 (_id \$in chunks, the only"
echo "    indexed read there) against format 2 (one sorted cursor), api's JVM options"
run -Xmx1g -cp "$classpath" "$main" fill "$work/old" "$compare"
# shellcheck disable=SC2086
run $java_opts -cp "$classpath" "$main" chunks "$work/old"
# shellcheck disable=SC2086
run $java_opts -Dydan.bench.format=2 -cp "$classpath" "$main" pipelined "$work/old"
# shellcheck disable=SC2086
run $java_opts -cp "$classpath" "$main" chunks "$work/old"
# shellcheck disable=SC2086
run $java_opts -Dydan.bench.format=2 -cp "$classpath" "$main" pipelined "$work/old"
echo "--- no store: decode + hash + link check of 200,000 entries (C1, then C2)"
run -Xmx1g -XX:TieredStopAtLevel=1 -cp "$classpath" "$main" hash 200000
run -Xmx1g -cp "$classpath" "$main" hash 200000
