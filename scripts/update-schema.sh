#!/usr/bin/env bash
# Rewrites docs/api/schema.graphql, the public schema contract, from the api's code (the
# executable schema printed in a stable order), unless the change breaks clients and is not
# declared in docs/api/declared-breaking-changes.txt. Commit the file with the change.
#
#   scripts/update-schema.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=jdk.sh
. scripts/jdk.sh
ydan_find_jdk
./mvnw -q -B -pl api test -Dtest=SchemaContractIntegrationTest#theCommittedSchemaIsTheSchemaTheApiServes \
  -Dsurefire.failIfNoSpecifiedTests=false -Dydan.schema.update=true
git --no-pager diff --stat -- docs/api/schema.graphql || true
