#!/usr/bin/env bash
# Live results (issue 5): how long a new answer takes to reach every graphql-ws subscriber of
# Subscription.consultationProgress, for 1, 100 and 500 subscribers (one WebSocket each, npm
# graphql-ws clients in one Node.js process), 10 answers a second apart each; then the time of
# each export (CSV, XLSX, PDF minutes). The API runs in the test JVM on a random port with its
# embedded store (api/src/test/.../LiveResultsMeasurement.java).
#
#   bench/live/measure.sh [subscribers=1,100,500] [answers=10]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk

clients=${1:-1,100,500}
answers=${2:-10}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
./mvnw -B -pl api verify -Dtest=LiveResultsMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlive.clients="$clients" -Dlive.answers="$answers" >"$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep -E '^(live|export)' "$log"
