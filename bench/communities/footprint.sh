#!/usr/bin/env bash
# The heap the registry's read model and the teams' in-memory copy hold for the nation's
# residential groups (85,278 groups under 10,035 communes; 85,248 teams of 3 members), in
# process, without the store: api/src/test/java/vn/ydan/api/units/GroupFootprint.java and
# .../communities/TeamFootprint.java. With a git ref, the same probes also run against that
# ref's versions of the classes they measure, side by side.
#
#   bench/communities/footprint.sh [base-ref]      e.g. bench/communities/footprint.sh main
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=../../scripts/jdk.sh
. scripts/jdk.sh
ydan_find_jdk
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -o -pl api test-compile
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
mongo=$(find ~/.m2/repository/org/mongodb -name "*-5.8.0.jar" | tr '\n' ':')
jspecify=$(find ~/.m2/repository/org/jspecify -name "jspecify-*.jar" | head -1)
classes=api/target/classes:api/target/test-classes
base=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
probe() { # label, extra classpath
  echo "== $1"
  "$java" -Xmx1g -XX:+UseSerialGC -cp "$2$classes:$mongo" vn.ydan.api.units.GroupFootprint | head -1
  "$java" -Xmx1g -XX:+UseSerialGC -cp "$2$classes:$mongo" vn.ydan.api.communities.TeamFootprint
}
if [ -n "$base" ]; then
  mkdir -p "$work/src" "$work/classes"
  for f in units/AdministrativeUnit units/Snapshot units/UnitVersion communities/Team communities/Member; do
    git show "$base:api/src/main/java/vn/ydan/api/$f.java" > "$work/src/${f##*/}.java"
  done
  "$javac" -nowarn -d "$work/classes" -cp "$classes:$jspecify" "$work"/src/*.java
  probe "$base" "$work/classes:"
fi
probe "this tree" ""
