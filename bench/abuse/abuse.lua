-- The hostile half of bench/abuse: each connection cycles through requests an attacker sends,
-- at full speed. None may stop the api or take its memory; each must get a quick, typed refusal.
--   0 an anonymous POST of 9 MB of variables (the body that ran the api out of heap)
--   1 a query 40 levels deep            2 500 aliases              3 a query whose cost is 10^6
--   4 a malformed bearer token           5 an expired token (BENCH_EXPIRED)
--   6 variables nested 300 deep          7 a variables list of 120,000 values (under the size limit)
-- Counts the answers by HTTP status and prints them at the end ("abuse: 413=… 400=…").
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function post(body, token)
  local headers = { ["Content-Type"] = "application/json" }
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", "/graphql", headers, body)
end

function init(args)
  local deep = string.rep("{ units(first: 1) { edges { node ", 1) .. string.rep("parent { ", 40) .. "code"
    .. string.rep(" }", 40) .. " } } } }"
  local aliases = {}
  for i = 1, 500 do aliases[i] = "a" .. i .. ": __typename" end
  local nested = string.rep("[", 300) .. string.rep("]", 300)
  local values = {}
  for i = 1, 120000 do values[i] = "0" end
  local big = string.rep("{},", 3000000)
  requests = {
    post('{"query":"{__typename}","variables":{"a":[' .. big .. '{}]}}'),
    post('{"query":"' .. deep .. '"}'),
    post('{"query":"{ ' .. table.concat(aliases, " ") .. ' }"}'),
    post('{"query":"{ units(first: 100) { edges { node { children(first: 100) { edges { node { children(first: 100) { totalCount } } } } } } } }"}'),
    post('{"query":"{ me { username } }"}', "abc.def.ghi"),
    post('{"query":"{ me { username } }"}', os.getenv("BENCH_EXPIRED")),
    post('{"query":"query($v: String) { __typename }","variables":{"v":' .. nested .. '}}'),
    post('{"query":"query($v: [Int]) { __typename }","variables":{"v":[' .. table.concat(values, ",") .. ']}}'),
  }
  next_request = 0
end

request = function()
  next_request = next_request + 1
  return requests[(next_request % #requests) + 1]
end

response = function(status, headers, body)
  local key = "c" .. status
  _G[key] = (_G[key] or 0) + 1
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    -- wrk copies tables between threads as strings only: each thread reports its own counts.
    for _, status in ipairs({ 200, 400, 401, 413, 429, 500, 503 }) do
      total[status] = (total[status] or 0) + (thread:get("c" .. status) or 0)
    end
  end
  local line = {}
  for status, n in pairs(total) do if n > 0 then table.insert(line, status .. "=" .. n) end end
  table.sort(line)
  io.write("abuse: " .. table.concat(line, " ") .. " (errors: connect " .. summary.errors.connect
    .. ", read " .. summary.errors.read .. ", write " .. summary.errors.write .. ", timeout "
    .. summary.errors.timeout .. ")\n")
end
