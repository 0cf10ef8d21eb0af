-- answerConsultation with real tokens: each wrk thread takes every n-th line of the tokens file
-- (household \t token) and answers once per household. Counts stored answers, refusals and
-- errors; with BENCH_ACK_LOG set, appends the household of every stored answer to
-- <BENCH_ACK_LOG>.<thread> (what the kill -9 check compares with the store).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  thread:set("count", tonumber(os.getenv("BENCH_THREADS") or "2"))
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  entries = {}
  local skip = tonumber(os.getenv("BENCH_SKIP") or "0")
  local n = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    local household, token = line:match("^([^\t]+)\t(.+)$")
    if household and household:sub(1, 2) == "b-" then
      n = n + 1
      if n > skip and n % count == id then
        table.insert(entries, { household, token })
      end
    end
  end
  next_entry = 1
  stored, refused, failed = 0, 0, 0
  consultation = os.getenv("BENCH_CONSULTATION")
  local log = os.getenv("BENCH_ACK_LOG")
  ack = log and io.open(log .. "." .. id, "a") or nil
end

request = function()
  local entry = entries[next_entry] or entries[1]
  next_entry = next_entry + 1
  local body = '{"query":"mutation($id: ID!, $key: String!) { answerConsultation(input: { consultationId: $id, agree: true, idempotencyKey: $key }) { answer { householdId } replayed userErrors { code } } }","variables":{"id":"'
    .. consultation .. '","key":"k-' .. entry[1] .. '"}}'
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. entry[2] }, body)
end

response = function(status, headers, body)
  local household = body:match('"householdId":"([^"]+)"')
  if status == 200 and household and body:find('"replayed":false', 1, true) then
    stored = stored + 1
    if ack then ack:write(household, "\n"); ack:flush() end
  elseif status == 200 and body:find('"code":"', 1, true) then
    refused = refused + 1
  else
    failed = failed + 1
  end
end

done = function(summary, latency, requests)
  local s, r, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("stored")
    r = r + thread:get("refused")
    f = f + thread:get("failed")
  end
  io.write(string.format("stored %d refused %d failed %d\n", s, r, f))
end
