-- Published results, anonymous: the whole 526-commune table with roll-ups.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"query($id: ID!) { consultation(id: $id) { results { published communes { unit { code fullName } households tookPart agree disagree invalid agreeShare turnout outcome certified } districts { unit { code } passed failed pending households } total { households tookPart agree disagree passed failed } } } }","variables":{"id":"'
  .. os.getenv("BENCH_CONSULTATION") .. '"}}'
