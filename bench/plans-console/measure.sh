#!/usr/bin/env bash
# The console's round trip for one edit of a plan, against a real api holding the Hanoi plan
# (126 new units, 795 links): the exact documents the console sends (assignUnit / unassignUnit
# with the version, the validation and only the edited unit), timed with curl, N edits in a row.
#
#   bench/plans-console/measure.sh [edits]      # needs the test Keycloak: keycloak-realm/keycloak.sh start test
set -euo pipefail
# The development realm and demo data: the api and console start only in development (decision 13).
export YDAN_ENVIRONMENT=development
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/jdk.sh"
ydan_find_jdk
edits=${1:-40}
port=${BENCH_API_PORT:-28090}
keycloak=${YDAN_TEST_KEYCLOAK_URL:-http://127.0.0.1:18180}
docs="$root/admin-ui/src/main/resources/graphql-documents"
data=$(mktemp -d /tmp/ydan-bench-plans.XXXXXX)
jar="$root/api/target/api-0.1.0-SNAPSHOT.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -pl api package -Dmaven.test.skip=true)

YDAN_API_PORT=$port YDAN_KEYCLOAK_URL=$keycloak YDAN_DATA_DIR=$data \
  "$JAVA_HOME/bin/java" -Xmx256m -jar "$jar" > "$data/api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; do sleep 1; done

token=$(curl -s -d grant_type=password -d client_id=ydan-test -d username=quantri -d password=ydan-dev-2025 \
  "$keycloak/realms/ydan/protocol/openid-connect/token" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
gql() { # document-file-or-text, variables-json → response body
  python3 - "$1" "$2" <<'PY' | curl -s "http://127.0.0.1:$port/graphql" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @-
import json, os, sys
doc = open(sys.argv[1]).read() if os.path.isfile(sys.argv[1]) else sys.argv[1]
print(json.dumps({"query": doc, "variables": json.loads(sys.argv[2])}))
PY
}
jq_() { python3 -c "import sys,json; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

hanoi=$(gql '{ unitByCode(code: "01", level: PROVINCE, asOf: "2025-06-30") { id } }' '{}' | jq_ 'd["data"]["unitByCode"]["id"]')
plan=$(gql "$docs/createPlan.graphql" "{\"input\":{\"title\":\"Bench Hà Nội\",\"scopeIds\":[\"$hanoi\"],\"effectiveDate\":\"2025-07-01\",\"abolishedLevels\":[\"DISTRICT\"]},\"keys\":[]}" \
  | jq_ 'd["data"]["createPlan"]["plan"]["id"]')
python3 - "$root/api/src/test/resources/hanoi-2025/plan_nq1656_mapping.csv" "$plan" "$docs/importPlan.graphql" \
  > "$data/import.json" <<'PY'
import json, sys
print(json.dumps({"query": open(sys.argv[3]).read(),
  "variables": {"input": {"planId": sys.argv[2], "expectedVersion": 1, "csv": open(sys.argv[1]).read()}}}))
PY
curl -s "http://127.0.0.1:$port/graphql" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @"$data/import.json" > "$data/imported.json"
version=$(jq_ 'd["data"]["importPlan"]["plan"]["version"]' < "$data/imported.json")
echo "Hanoi plan imported: $(jq_ 'd["data"]["importPlan"]["plan"]["proposedUnitCount"]' < "$data/imported.json") new units, version $version"
# The edit: Phường Trúc Bạch (00004) into the first new unit and back out, alternately.
key=$(gql "{ plan(id: \"$plan\") { proposedUnits { key } } }" '{}' | jq_ 'd["data"]["plan"]["proposedUnits"][0]["key"]')
truc_bach=$(gql '{ unitByCode(code: "00004", level: COMMUNE, asOf: "2025-06-30") { id } }' '{}' | jq_ 'd["data"]["unitByCode"]["id"]')
times=()
for i in $(seq 1 "$edits"); do
  if (( i % 2 )); then
    vars="{\"input\":{\"planId\":\"$plan\",\"expectedVersion\":$version,\"key\":\"$key\",\"unitId\":\"$truc_bach\",\"kind\":\"WHOLE\"},\"keys\":[\"$key\"]}"
    doc="$docs/assignUnit.graphql"; field=assignUnit
  else
    vars="{\"planId\":\"$plan\",\"expectedVersion\":$version,\"key\":\"$key\",\"unitId\":\"$truc_bach\",\"keys\":[\"$key\"]}"
    doc="$docs/unassignUnit.graphql"; field=unassignUnit
  fi
  python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": json.loads(sys.argv[2])}))' "$doc" "$vars" > "$data/body.json"
  out=$(curl -s -o "$data/answer.json" -w '%{time_total} %{size_download}' "http://127.0.0.1:$port/graphql" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$data/body.json")
  version=$(jq_ "d['data']['$field']['plan']['version']" < "$data/answer.json")
  times+=("${out% *}"); bytes=${out#* }
done
python3 - "$bytes" "${times[@]}" <<'PY'
import statistics, sys
size = int(sys.argv[1]); raw = [float(x) * 1000 for x in sys.argv[2:]]
def line(name, values):
    t = sorted(values)
    q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
    print(f"{name}: {len(t)} edits, median {statistics.median(t):.1f} ms, p90 {q(0.9):.1f} ms, max {t[-1]:.1f} ms")
line("all", raw)
line("after the first 10 (warm)", raw[10:])
line("assignUnit (warm)", raw[10::2])
line("unassignUnit (warm)", raw[11::2])
print("in order (ms):", " ".join(f"{x:.0f}" for x in raw))
print(f"answer of the last edit: {size/1024:.1f} KB")
PY
grep -o '"durationMs":[0-9.]*' "$data/answer.json" | head -1 | sed 's/^/api validation of the last edit: /'
