"""bench/instances: the failover time through the proxy.

  failover.py <proxy url> <tokens file> <consultation> <skip> <pid to kill>

Eight clients answer, each request on a new connection through the proxy, for 4 s; then the
instance <pid> is killed (kill -9) and they go on for 6 s. A request that fails (its instance died
under it) is sent again, as a client would. Prints the time from the kill to the next acknowledged
answer, the longest gap between acknowledged answers after it, and the requests that failed.
"""
import json
import os
import signal
import sys
import threading
import time
import urllib.request

url, tokens_file, consultation, skip, victim = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
entries = []
with open(tokens_file) as lines:
    for line in lines:
        name, token = line.rstrip("\n").split("\t", 1)
        if name.startswith("b-"):
            entries.append((name, token))
entries = entries[skip:]
lock = threading.Lock()
acks = []
failures = [0]
next_entry = [0]
stop = [False]


def answer(household, token):
    body = json.dumps({"query": "mutation($id: ID!, $key: String!) { answerConsultation(input: { consultationId: $id,"
                       " agree: true, idempotencyKey: $key }) { answer { householdId } userErrors { code } } }",
                       "variables": {"id": consultation, "key": "k-" + household}}).encode()
    request = urllib.request.Request(url + "/graphql", body, {"Content-Type": "application/json",
                                                              "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        data = json.load(response)["data"]["answerConsultation"]
        return data["answer"] is not None


def client():
    while not stop[0]:
        with lock:
            i = next_entry[0]
            next_entry[0] += 1
        if i >= len(entries):
            return
        household, token = entries[i]
        while not stop[0]:
            try:
                if answer(household, token):
                    with lock:
                        acks.append(time.monotonic())
                break
            except Exception:
                with lock:
                    failures[0] += 1


threads = [threading.Thread(target=client) for _ in range(8)]
for thread in threads:
    thread.start()
time.sleep(4)
killed = time.monotonic()
os.kill(victim, signal.SIGKILL)
time.sleep(6)
stop[0] = True
for thread in threads:
    thread.join()
after = sorted(t for t in acks if t > killed)
gaps = [b - a for a, b in zip([killed] + after, after)]
print("failover: first answer acknowledged %.0f ms after the kill; longest gap after it %.0f ms; %d acknowledged"
      " before, %d after (6 s); %d requests failed and were sent again"
      % ((after[0] - killed) * 1000 if after else -1, max(gaps) * 1000 if gaps else -1,
         len(acks) - len(after), len(after), failures[0]))
