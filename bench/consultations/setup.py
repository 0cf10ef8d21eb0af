"""bench/consultations: the api-side steps, with the bench issuer's tokens.

  setup.py prepare <households>   groups for Hanoi's communes, the register, an open consultation
  setup.py count                   answers stored, and the results' online total (must be equal)
  setup.py missing <acks...>       acknowledged households without a stored answer (after kill -9)
  setup.py publish                 close, tally every group twice, certify, publish
"""
import concurrent.futures
import json
import os
import sys
import urllib.request

API = os.environ["BENCH_API"]
STATE = os.environ["BENCH_STATE"]
TOKENS = {}
with open(os.environ["BENCH_TOKENS"]) as lines:
    for line in lines:
        name, token = line.rstrip("\n").split("\t", 1)
        if not name.startswith("b-"):
            TOKENS[name] = token


def call(query, variables=None, token="admin"):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + TOKENS[token]
    request = urllib.request.Request(API + "/graphql", body, headers)
    with urllib.request.urlopen(request, timeout=600) as answer:
        result = json.load(answer)
    if result.get("errors"):
        raise SystemExit("GraphQL errors: " + json.dumps(result["errors"], ensure_ascii=False)[:2000])
    return result["data"]


def state():
    with open(STATE) as file:
        return json.load(file)


def prepare(households):
    hanoi = call('{ unitByCode(code: "01", level: PROVINCE, asOf: "2025-04-18") { id } }')["unitByCode"]["id"]
    communes = []
    after = None
    while True:
        page = call("""query($id: ID!, $after: String) { units(parentId: $id, asOf: "2025-04-18", first: 100,
          after: $after) { edges { node { id code } } pageInfo { hasNextPage endCursor } } }""",
                    {"id": hanoi, "after": after})["units"]
        districts = [edge["node"] for edge in page["edges"]]
        for district in districts:
            children = call("""query($id: ID!) { unit(id: $id, asOf: "2025-04-18") { children(level: COMMUNE, first: 100) {
              edges { node { code type } } } } }""", {"id": district["id"]})["unit"]["children"]["edges"]
            communes += [edge["node"] for edge in children]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    groups = ["commune_code,code,name,type,households"]
    for commune in communes:
        kind = "thôn" if commune["type"] == "XA" else "tổ dân phố"
        for number in (1, 2):
            groups.append("%s,%d,%s %d,%s,%d" % (commune["code"], number, kind.capitalize(), number, kind,
                                                  households // (2 * len(communes)) + 1))
    data = call("""mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) {
      created errors { line message } } }""", {"csv": "\n".join(groups) + "\n"})
    assert not data["importUnits"]["errors"], data
    rows = ["commune_code,group_code,household_id"]
    for n in range(households):
        commune = communes[n % len(communes)]
        rows.append("%s,%d,b-%06d" % (commune["code"], 1 + (n // len(communes)) % 2, n + 1))
    data = call("""mutation($csv: String!) { importHouseholds(input: { csv: $csv, asOf: "2025-04-18" }) {
      households errors { line message } durationMs } }""", {"csv": "\n".join(rows) + "\n"})
    assert not data["importHouseholds"]["errors"], data
    print("register: %d households in %d groups of %d communes (import %d ms)"
          % (data["importHouseholds"]["households"], 2 * len(communes), len(communes),
             data["importHouseholds"]["durationMs"]))
    plan = call('{ plans(status: PUBLISHED) { id } }')["plans"][0]["id"]
    import datetime
    now = datetime.datetime.now(datetime.timezone.utc)
    created = call("""mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: {
      planId: $plan, title: "Đo tải", opensAt: $opens, closesAt: $closes }) { consultation { id } userErrors { message } } }""",
                   {"plan": plan, "opens": (now - datetime.timedelta(hours=1)).isoformat(),
                    "closes": (now + datetime.timedelta(hours=6)).isoformat()})["createConsultation"]
    assert created["consultation"], created
    cid = created["consultation"]["id"]
    opened = call("""mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { message } } }""",
                  {"id": cid})["openConsultation"]
    assert opened["consultation"], opened
    groups = {}
    for commune in communes:
        unit = call("""query($code: String!) { unitByCode(code: $code, level: COMMUNE, asOf: "2025-04-18") {
          id children(level: RESIDENTIAL_GROUP) { edges { node { id } } } } }""", {"code": commune["code"]})
        groups[unit["unitByCode"]["id"]] = [edge["node"]["id"] for edge in
                                              unit["unitByCode"]["children"]["edges"]]
    with open(STATE, "w") as file:
        json.dump({"consultation": cid, "groups": groups}, file)
    print(cid)


def count():
    """The answers stored (counted in the store), and those the results count (in memory)."""
    cid = state()["consultation"]
    request = urllib.request.Request(API + "/bench/raw/answer-count?consultationId=" + cid, b"", {})
    with urllib.request.urlopen(request, timeout=600) as answer:
        stored = json.load(answer)
    data = call("""query($id: ID!) { consultation(id: $id) { results { total { tookPart } } } }""",
                {"id": cid})["consultation"]
    print("%d %d" % (stored, data["results"]["total"]["tookPart"]))


def missing(files):
    cid = state()["consultation"]
    acknowledged = []
    for name in files:
        if os.path.exists(name):
            with open(name) as file:
                acknowledged += [line.strip() for line in file if line.strip()]
    if not acknowledged:
        print("0 0")
        return
    request = urllib.request.Request(API + "/bench/raw/missing-answers?consultationId=" + cid,
                                     "\n".join(acknowledged).encode(), {"Content-Type": "text/plain"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        absent = json.load(answer)
    print("%d %d" % (len(acknowledged), len(absent)))


def publish():
    current = state()
    cid = current["consultation"]
    call("mutation($id: ID!) { closeConsultation(id: $id) { consultation { status } } }", {"id": cid})
    zero = {"issued": 0, "returned": 0, "valid": 0, "invalid": 0, "agree": 0, "disagree": 0}

    def tally(group):
        for token in ("admin", "admin2"):
            data = call("""mutation($id: ID!, $group: ID!, $counts: PaperCountsInput!) { enterTally(input: {
              consultationId: $id, groupId: $group, counts: $counts }) { tally { state } userErrors { code message } } }""",
                        {"id": cid, "group": group, "counts": zero}, token)["enterTally"]
            assert data["tally"], data
        return data["tally"]["state"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        states = list(pool.map(tally, [g for groups in current["groups"].values() for g in groups]))
    assert all(s == "VERIFIED" for s in states), states

    def certify(unit):
        data = call("""mutation($id: ID!, $unit: ID!) { certifyResults(consultationId: $id, unitId: $unit) {
          consultation { status } userErrors { code message } } }""", {"id": cid, "unit": unit}, "admin")
        assert not data["certifyResults"]["userErrors"], data
        return data["certifyResults"]["consultation"]["status"]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(certify, list(current["groups"].keys())))
    results = call("""query($id: ID!) { consultation(id: $id) { results { districts { unit { id } } provinces { unit { id } } } } }""",
                   {"id": cid})["consultation"]["results"]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(certify, [d["unit"]["id"] for d in results["districts"]]))
    status = [certify(p["unit"]["id"]) for p in results["provinces"]][-1]
    assert status == "CERTIFIED", status
    data = call("mutation($id: ID!) { publishResults(consultationId: $id) { consultation { status } } }", {"id": cid})
    print(data["publishResults"]["consultation"]["status"])


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "prepare":
        prepare(int(sys.argv[2]))
    elif command == "count":
        count()
    elif command == "missing":
        missing(sys.argv[2:])
    elif command == "publish":
        publish()
