"""Figures, memory and the GraphQL import of bench/communities/measure.sh (see there)."""
import csv
import json
import os
import statistics
import threading
import time
import urllib.parse
import urllib.request

API = os.environ["BENCH_API"]
PID = os.environ["BENCH_PID"]


def rss_mb():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Peak(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0.0
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.2)


def post(query, variables=None, token=None, timeout=600):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(API, body, {"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.loads(response.read())
    if answer.get("errors"):
        raise SystemExit(f"errors: {answer['errors']}")
    return answer["data"]


def timed(label, query, variables=None, runs=20):
    times = []
    data = None
    for _ in range(runs):
        started = time.perf_counter()
        data = post(query, variables)
        times.append((time.perf_counter() - started) * 1000)
    print(f"{label}: p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms ({runs} calls)")
    return data


STATS = """query($id: ID, $asOf: Date) { communityTeamStats(unitId: $id, asOf: $asOf) {
  groups groupsWithTeam members teamsBelowMinimum membersAtMinimum yearlyCost yearlyCostAtMinimum } }"""


def unit_id(code, as_of):
    return post('query($c: String!, $d: Date) { unitByCode(code: $c, asOf: $d) { id } }',
                {"c": code, "d": as_of})["unitByCode"]["id"]


def figures():
    nation = timed("national figures (communityTeamStats, no unitId, 2025-06-30)", STATS, {"asOf": "2025-06-30"})
    s = nation["communityTeamStats"]
    print(f"  nation: {s['groups']:,} groups, {s['groupsWithTeam']:,} with a team, {s['members']:,} members "
          f"(groups × 3 = {s['membersAtMinimum']:,}), {s['teamsBelowMinimum']} below minimum, "
          f"yearly cost {s['yearlyCost'] / 1e9:,.1f} billion đồng")
    # Each date asked once: every call counts the nation's groups again (what the first
    # visitor after a change pays).
    times = []
    for day in range(1, 11):
        started = time.perf_counter()
        post(STATS, {"asOf": f"2025-05-{day:02d}"})
        times.append((time.perf_counter() - started) * 1000)
    print(f"national figures, a date not asked before: p50 {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms (10 calls)")
    timed("province figures (Hà Nội, 2025-06-30)", STATS, {"id": unit_id("01", "2025-06-30"), "asOf": "2025-06-30"})
    timed("district figures (Quận Ba Đình, 2025-06-30)", STATS,
          {"id": unit_id("001", "2025-06-30"), "asOf": "2025-06-30"})


def graphql_import():
    """About the nation's number of groups (4 to 13 per commune, codes B01…) through the mutation, as the admin."""
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "ydan-test", "username": "quantri",
                                   "password": "ydan-dev-2025"}).encode()
    with urllib.request.urlopen(os.environ["BENCH_TOKEN_URL"], form) as response:
        token = json.loads(response.read())["access_token"]
    rows = ["commune_code,code,name,type,households"]
    with open(os.environ["BENCH_COMMUNES"], encoding="utf-8") as communes:
        for commune in csv.DictReader(communes):
            code = commune["code"]
            kind = "tổ dân phố" if commune["type"] != "xã" else "thôn"
            for i in range(1, 5 + (int(code) * 7) % 10):
                rows.append(f"{code},B{i:02d},{kind.capitalize()} bench {i:02d},{kind},{50 + (int(code) * i) % 300}")
    text = "\n".join(rows) + "\n"
    print(f"GraphQL import file: {text.count(chr(10)) - 1:,} rows, {len(text.encode()) / 1e6:.1f} MB")
    started = time.perf_counter()
    result = post("mutation($csv: String!) { importResidentialGroups(input: { csv: $csv }) "
                  "{ created rows durationMs errors { line code message } } }", {"csv": text},
                  token)["importResidentialGroups"]
    elapsed = time.perf_counter() - started
    if result["errors"]:
        raise SystemExit(f"import refused: {result['errors'][:3]}")
    print(f"importResidentialGroups over HTTP: {result['created']:,} groups created in {elapsed:.1f} s "
          f"(api's own durationMs {result['durationMs']:,})")


peak = Peak()
peak.start()
if os.environ.get("BENCH_PHASE") == "import":
    print(f"api RSS before the import: {rss_mb():.0f} MB")
    graphql_import()
    print(f"api RSS after the import: {rss_mb():.0f} MB now, peak {peak.peak:.0f} MB")
else:
    figures()
    print(f"api RSS with the demo groups and members: {rss_mb():.0f} MB now, peak {peak.peak:.0f} MB")
    time.sleep(20)
    print(f"api RSS 20 s later, idle: {rss_mb():.0f} MB")
peak.running = False
