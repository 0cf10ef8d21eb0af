#!/usr/bin/env bash
# What authorization costs per request: Spring Security's @PreAuthorize interceptor with the
# app's expression handler evaluating Roles.MAY_ACT_FOR_COMMUNE (UnitScope walking the real
# national registry in memory) against the same method unguarded; then whole GraphQL requests,
# anonymous against with a bearer token. Starts the api in-process with a local token issuer.
#
#   bench/access/measure.sh [calls=200000] [requests=2000]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../scripts/jdk.sh
. "$root/scripts/jdk.sh"
ydan_find_jdk
cd "$root"

./mvnw -q -pl api test-compile
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
./mvnw -q -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx384m \
  -cp "api/target/test-classes:api/target/classes:$(cat "$classpath_file")" \
  vn.ydan.api.access.AuthorizationMeasurement "$@"
