-- wrk script: cycles through bench/search/queries.txt against /api/search, one query per request, and
-- reports p50/p95/p99. Usage: wrk -t2 -c8 -d30s --latency -s search.lua http://127.0.0.1:PORT
local queries = {}
local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES") or "queries.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    table.insert(queries, "/api/search?q=" .. urlencode(line))
  end
end
local counter = 0
function setup(thread)
  thread:set("offset", counter * 37)
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", queries[((i + offset) % #queries) + 1])
end
function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d), %.1f req/s\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout, summary.errors.status, summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
