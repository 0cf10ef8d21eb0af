"""The HTTP side of bench/national/measure.sh: the 2025 reform, 34 plans, timed."""
import csv
import io
import json
import os
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict

API = os.environ["BENCH_API"]
PID = os.environ["BENCH_PID"]
DEMO = os.environ["BENCH_DEMO"]
DATE = "2025-07-01"
HEADER = ["new_code", "new_name", "new_type", "old_code", "old_name", "old_type", "old_district_code",
          "old_district_name", "relation", "detail", "legal_basis", "old_province_code"]


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
    with urllib.request.urlopen(request, timeout=120) as answer:
        result = json.load(answer)
    elapsed = (time.perf_counter() - started) * 1000
    if result.get("errors"):
        raise SystemExit("GraphQL errors: " + json.dumps(result["errors"], ensure_ascii=False))
    return result["data"], elapsed


def rss_mb():
    with open("/proc/%s/status" % PID) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


peak = [0.0]
sampling = [True]


def sample():
    while sampling[0]:
        peak[0] = max(peak[0], rss_mb())
        time.sleep(0.2)


def rows(name):
    with open(os.path.join(DEMO, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def synthetic_table(olds, communes, districts):
    """Communes merged three by three within each district; island districts become đặc khu."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    by_district = defaultdict(list)
    for commune in communes:
        if commune["province_code"] in olds:
            by_district[commune["district_code"]].append(commune)
    for district in districts:
        if district["province_code"] not in olds:
            continue
        members = sorted(by_district[district["code"]], key=lambda c: c["code"])
        if not members:
            writer.writerow([district["code"] + "0", "Đặc khu " + district["name"], "đặc khu", district["code"],
                             district["full_name"], district["type"], "", "", "whole", "whole",
                             "bench", district["province_code"]])
            continue
        for i in range(0, len(members), 3):
            group = members[i:i + 3]
            first = group[0]
            kind = "phường" if first["type"] == "phường" else "xã"
            name = "%s %s %s" % (kind.capitalize(), first["name"], first["code"])
            for old in group:
                writer.writerow([first["code"], name, kind, old["code"], old["full_name"], old["type"],
                                 old["district_code"], old["district_name"], "whole", "whole", "bench",
                                 old["province_code"]])
    return out.getvalue()


provinces_after = rows("vietnam-2025/provinces_after.csv")
mergers = open(os.path.join(DEMO, "vietnam-2025/provinces_after.csv"), encoding="utf-8").read()
communes = rows("communes.csv")
districts = rows("districts.csv")
ids = {}
data, _ = call('{ units(level: PROVINCE, asOf: "2025-06-30", first: 100) { edges { node { id code } } } }')
for edge in data["units"]["edges"]:
    ids[edge["node"]["code"]] = edge["node"]["id"]

tables = {}
for province in provinces_after:
    olds = province["formed_from_old_province_codes"].split(";")
    sample_file = os.path.join(DEMO, "vietnam-2025/plan_%s.csv" % province["code"])
    if os.path.exists(sample_file):
        tables[province["code"]] = (open(sample_file, encoding="utf-8").read(), "official")
    else:
        tables[province["code"]] = (synthetic_table(set(olds), communes, districts), "generated")
links = sum(table.count("\n") - 1 for table, _ in tables.values())
print("tables: %d (%d official samples, %d generated), %d links"
      % (len(tables), sum(1 for _, kind in tables.values() if kind == "official"),
         sum(1 for _, kind in tables.values() if kind == "generated"), links))
print("RSS before: %.0f MB" % rss_mb())
threading.Thread(target=sample, daemon=True).start()

plans = {}
imported_ms = 0.0
started = time.perf_counter()
for province in provinces_after:
    code = province["code"]
    scope = [ids[old] for old in province["formed_from_old_province_codes"].split(";")]
    data, ms = call("""mutation($title: String!, $scope: [ID!]!) { createPlan(input: { title: $title,
      scopeIds: $scope, effectiveDate: "2025-07-01", abolishedLevels: [DISTRICT] }) { plan { id } } }""",
                    {"title": "Đo: " + province["full_name"], "scope": scope})
    plan = data["createPlan"]["plan"]["id"]
    imported_ms += ms
    for table in (mergers, tables[code][0]):
        data, ms = call("""mutation($id: ID!, $csv: String!) { importPlan(input: { planId: $id, csv: $csv }) {
          errors { line code message } plan { version validation { errorCount issues(first: 3) { message } } } } }""",
                        {"id": plan, "csv": table})
        imported_ms += ms
        result = data["importPlan"]
        assert not result["errors"], (code, result["errors"][:3])
    assert result["plan"]["validation"]["errorCount"] == 0, (code, result["plan"]["validation"])
    plans[code] = (plan, result["plan"]["version"])
wall = (time.perf_counter() - started) * 1000
print("create + import + validation, 34 plans (68 imports): %.1f s of round trips (%.1f s wall)"
      % (imported_ms / 1000, wall / 1000))
print("RSS after the imports: %.0f MB" % rss_mb())

data, ms = call("""{ reformCoverage(effectiveDate: "2025-07-01") { uncoveredProvinceCount communeCount
  communesInPlans newProvinceCount newCommuneCount } }""")
print("reformCoverage: %s (%.0f ms)" % (json.dumps(data["reformCoverage"]), ms))

for code, (plan, version) in plans.items():
    for status in ("PUBLISHED", "IN_CONSULTATION", "CONSULTED"):
        data, _ = call("""mutation($id: ID!, $s: PlanStatus!) { changePlanStatus(planId: $id, status: $s) {
          plan { version } userErrors { code message } } }""", {"id": plan, "s": status})
        assert data["changePlanStatus"]["plan"], data
    data, _ = call("""mutation($id: ID!) { adoptPlan(input: { planId: $id, number: "Đo", date: "2025-06-16" }) {
      plan { status } userErrors { code message } } }""", {"id": plan})
    assert data["adoptPlan"]["plan"], data

started = time.perf_counter()
for code, (plan, _) in plans.items():
    data, _ = call("""mutation($id: ID!) { applyPlan(planId: $id) { plan { status applyProgress { state } }
      userErrors { code message } } }""", {"id": plan})
    assert not data["applyPlan"]["userErrors"], data
    while data["applyPlan"]["plan"]["status"] != "IN_EFFECT":
        time.sleep(0.1)
        answer, _ = call("query($id: ID!) { plan(id: $id) { status applyProgress { state message } } }", {"id": plan})
        assert answer["plan"]["applyProgress"]["state"] != "FAILED", answer
        data = {"applyPlan": answer}
apply_s = time.perf_counter() - started
sampling[0] = False
print("apply, 34 plans one after the other: %.1f s" % apply_s)
print("RSS peak during the run: %.0f MB; after: %.0f MB" % (peak[0], rss_mb()))

data, _ = call("""{ provinces: units(level: PROVINCE, asOf: "2025-07-01", first: 0) { totalCount }
  districts: units(level: DISTRICT, asOf: "2025-07-01", first: 0) { totalCount }
  communes: units(level: COMMUNE, asOf: "2025-07-01", first: 0) { totalCount } }""")
print("registry on 2025-07-01: %d provinces, %d districts, %d commune-level units"
      % (data["provinces"]["totalCount"], data["districts"]["totalCount"], data["communes"]["totalCount"]))
assert data["provinces"]["totalCount"] == 34 and data["districts"]["totalCount"] == 0, data
