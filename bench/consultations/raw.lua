-- The raw-driver baseline: an answer-sized insert with a unique id per request.
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  n = 0
  prefix = os.getenv("BENCH_RAW_PREFIX") or "raw"
end
request = function()
  n = n + 1
  return wrk.format("POST", "/bench/raw/answers?id=" .. prefix .. "-" .. id .. "-" .. n, {}, "")
end
