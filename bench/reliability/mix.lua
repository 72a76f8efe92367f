-- wrk script for one endpoint group of the load harness: cycles through the paths in $PATHS (one per
-- line), counts responses by status class per thread, and prints one summary line that load.sh parses:
--   group=NAME requests=N errors5xx=N other_non2xx=N socket_errors=N timeouts=N rps=X p50=MS p90=MS p99=MS max=MS
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if line ~= "" then table.insert(paths, line) end
end
local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end
-- Globals, not locals: done() reads them from each thread with thread:get().
i, c5xx, other = 0, 0, 0
function init(args)
  i = offset or 0
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function response(status, headers, body)
  if status >= 500 then c5xx = c5xx + 1
  elseif status >= 400 then other = other + 1 end
end
function done(summary, latency, requests)
  local e5, o = 0, 0
  for _, t in ipairs(threads) do
    e5 = e5 + (t:get("c5xx") or 0)
    o = o + (t:get("other") or 0)
  end
  local e = summary.errors
  io.write(string.format("group=%s requests=%d errors5xx=%d other_non2xx=%d socket_errors=%d timeouts=%d rps=%.1f "
    .. "p50=%.1f p90=%.1f p99=%.1f max=%.1f\n", os.getenv("GROUP") or "?", summary.requests, e5, o,
    e.connect + e.read + e.write, e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
