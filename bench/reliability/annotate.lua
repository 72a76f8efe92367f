-- wrk script for the annotation writers of the load harness: one logged-in user per wrk thread (one
-- connection each), every request a POST /api/annotations with that user's session cookie and CSRF token,
-- as the reader's browser sends it. Every acknowledged annotation (201) is appended to $ACKS.<thread> at
-- once, so that the ids survive whatever happens to this process and can be checked in the database.
-- Prints the same summary line as mix.lua (group=annotation-writes ...).
local sessions, bodies = {}, {}
for line in io.lines(os.getenv("SESSIONS")) do
  local cookie, token = line:match("^(.-)\t(.*)$")
  if cookie then table.insert(sessions, {cookie = cookie, token = token}) end
end
for line in io.lines(os.getenv("BODIES")) do
  if line ~= "" then table.insert(bodies, line) end
end
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("user", #threads)
end
i, c5xx, other, acked = 0, 0, 0, 0
function init(args)
  local s = sessions[((user - 1) % #sessions) + 1]
  headers = {
    ["Cookie"] = s.cookie,
    ["X-CSRF-TOKEN"] = s.token,
    ["Content-Type"] = "application/ld+json",
    ["Accept"] = "application/ld+json",
  }
  acks = io.open(os.getenv("ACKS") .. "." .. user, "a")
  i = user * 7919
end
function request()
  i = i + 1
  return wrk.format("POST", "/api/annotations", headers, bodies[(i % #bodies) + 1])
end
function response(status, hdrs, body)
  if status == 201 then
    local where = hdrs["Location"] or hdrs["location"] or ""
    local id = where:match("/api/annotations/(%d+)$") or (body or ""):match('/api/annotations/(%d+)"')
    if id then
      acks:write(id, "\n")
      acks:flush()
      acked = acked + 1
    end
  elseif status >= 500 then c5xx = c5xx + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local e5, o, a = 0, 0, 0
  for _, t in ipairs(threads) do
    e5 = e5 + (t:get("c5xx") or 0)
    o = o + (t:get("other") or 0)
    a = a + (t:get("acked") or 0)
  end
  local e = summary.errors
  io.write(string.format("group=%s requests=%d errors5xx=%d other_non2xx=%d socket_errors=%d timeouts=%d rps=%.1f "
    .. "p50=%.1f p90=%.1f p99=%.1f max=%.1f acknowledged=%d\n", os.getenv("GROUP") or "annotation-writes",
    summary.requests, e5, o, e.connect + e.read + e.write, e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, a))
end
