-- The raw-driver baseline: an answer-sized insert with a unique id per request.
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  n = 0
end
request = function()
  n = n + 1
  return wrk.format("POST", "/bench/raw/answers?id=raw-" .. id .. "-" .. n, {}, "")
end
