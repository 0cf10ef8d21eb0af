"""The HTTP side of bench/plans/measure.sh: GraphQL calls with a real token, timed."""
import json
import os
import statistics
import time
import urllib.parse
import urllib.request

API = os.environ["BENCH_API"]
PID = os.environ["BENCH_PID"]
IMPORTS = int(os.environ.get("BENCH_IMPORTS", "5"))
EDITS = int(os.environ.get("BENCH_EDITS", "100"))


def token():
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "ydan-test", "username": "quantri",
                                   "password": "ydan-dev-2025"}).encode()
    with urllib.request.urlopen(os.environ["BENCH_TOKEN_URL"], body) as answer:
        return json.load(answer)["access_token"]


TOKEN = token()


def call(query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(API, body, {"Content-Type": "application/json",
                                                 "Authorization": "Bearer " + TOKEN})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as answer:
        result = json.load(answer)
    elapsed = (time.perf_counter() - started) * 1000
    if result.get("errors"):
        raise SystemExit("GraphQL errors: " + json.dumps(result["errors"], ensure_ascii=False))
    return result["data"], elapsed


def rss():
    with open("/proc/%s/status" % PID) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return "%.0f MB" % (int(line.split()[1]) / 1024)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


hanoi, _ = call('{ unitByCode(code: "01", level: PROVINCE, asOf: "2025-06-30") { id } }')
hanoi = hanoi["unitByCode"]["id"]
csv = open(os.environ["BENCH_CSV"], encoding="utf-8").read()
print("RSS before: " + rss())


def create():
    data, _ = call("""mutation($scope: ID!) { createPlan(input: { title: "Hà Nội (đo)", scopeIds: [$scope],
      effectiveDate: "2025-07-01", abolishedLevels: [DISTRICT] }) { plan { id } } }""", {"scope": hanoi})
    return data["createPlan"]["plan"]["id"]


imports = []
plan = None
for _ in range(IMPORTS):
    plan = create()
    data, ms = call("""mutation($id: ID!, $csv: String!) { importPlan(input: { planId: $id, csv: $csv }) {
      proposedUnits links errors { line } plan { version validation { errorCount durationMs } } } }""",
                    {"id": plan, "csv": csv})
    result = data["importPlan"]
    assert not result["errors"] and result["proposedUnits"] == 126 and result["links"] == 795, result
    assert result["plan"]["validation"]["errorCount"] == 0, result
    imports.append(ms)
print("CSV import + validation of the Hanoi plan (round trip, %d runs): median %.0f ms, max %.0f ms"
      % (IMPORTS, statistics.median(imports), max(imports)))
print("RSS after %d imports: %s" % (IMPORTS, rss()))

data, _ = call("""query($id: ID!) { plan(id: $id) { version proposedUnits { key components { unit { id } kind } } } }""",
               {"id": plan})
version = data["plan"]["version"]
unit = data["plan"]["proposedUnits"][0]
component = unit["components"][0]
edits = []
server = []
for i in range(EDITS):
    kind = component["kind"] if i % 2 else "PART_AREA_POP"
    data, ms = call("""mutation($id: ID!, $v: Int, $key: String!, $unit: ID!, $kind: ComponentKind!) {
      assignUnit(input: { planId: $id, expectedVersion: $v, key: $key, unitId: $unit, kind: $kind }) {
        plan { version validation { valid errorCount warningCount durationMs } } userErrors { code } } }""",
                    {"id": plan, "v": version, "key": unit["key"], "unit": component["unit"]["id"], "kind": kind})
    payload = data["assignUnit"]
    assert not payload["userErrors"], payload
    version = payload["plan"]["version"]
    edits.append(ms)
    server.append(payload["plan"]["validation"]["durationMs"])
print("single edit + validation (assignUnit round trip, %d edits): p50 %.0f ms, p99 %.0f ms; validation alone p50 %.1f ms"
      % (EDITS, percentile(edits, 50), percentile(edits, 99), percentile(server, 50)))

for status in ("PUBLISHED", "IN_CONSULTATION", "CONSULTED"):
    data, _ = call("""mutation($id: ID!, $s: PlanStatus!) { changePlanStatus(planId: $id, status: $s) {
      plan { status } userErrors { code message } } }""", {"id": plan, "s": status})
    assert data["changePlanStatus"]["plan"], data
data, _ = call("""mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "1656/NQ-UBTVQH15", date: "2025-06-16" }) {
  plan { status } userErrors { code message } } }""", {"id": plan})
assert data["adoptPlan"]["plan"], data
data, ms = call("""mutation($id: ID!) { applyPlan(planId: $id) { plan { status applyProgress { message } }
  userErrors { code message } } }""", {"id": plan})
assert data["applyPlan"]["plan"]["status"] == "IN_EFFECT", data
print("apply (round trip): %.0f ms — %s" % (ms, data["applyPlan"]["plan"]["applyProgress"]["message"]))
print("RSS after applying: " + rss())
data, _ = call("""{ unitByCode(code: "01", level: PROVINCE, asOf: "2025-07-01") {
  childCounts { level typeName count } } }""")
print("Hà Nội on 2025-07-01: " + ", ".join("%s %d" % (c["typeName"], c["count"]) for c in data["unitByCode"]["childCounts"]))
