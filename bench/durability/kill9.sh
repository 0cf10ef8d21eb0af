#!/usr/bin/env bash
# kill -9 durability of the API's embedded store: writes from several threads through the real
# MongoDB driver to the store in a child JVM, SIGKILLs the child in the middle of the burst,
# restarts it on the same file and counts the acknowledged inserts that are missing. Runs the
# API's backend (commit-before-ack: commit and fsync), the API with ydan.store.fsync=false
# (commit-no-fsync) and the stand-in as shipped (background-commit).
#
#   bench/durability/kill9.sh [rounds=3] [inserts=10000] [threads=8] [kill-after=5000] [modes]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -f "$root/scripts/jdk.sh" ]; then
  # shellcheck source=../../scripts/jdk.sh
  . "$root/scripts/jdk.sh"
  ydan_find_jdk
fi
cd "$root"

./mvnw -q -pl api test-compile
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
./mvnw -q -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx256m \
  -cp "api/target/test-classes:api/target/classes:$(cat "$classpath_file")" \
  vn.ydan.api.store.Kill9Measurement "$@"
