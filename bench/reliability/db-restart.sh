#!/usr/bin/env bash
# Database restart under load: while the load harness runs, PostgreSQL is stopped, kept down for OUTAGE
# seconds and started again (pg_ctlcluster). A probe asks /q/health/ready, /api/search and / four times a
# second. Checks: during the outage every probe answers fast (< 6 s, no hanging threads) with 503 (JSON for
# the API, an HTML page for people) and readiness is DOWN; within 5 s of PostgreSQL accepting connections
# again every probe is 200, without restarting the app; no probe fails after that.
#   bench/reliability/db-restart.sh [--outage 5]
# RELIAB_PG_CLUSTER ("15 main") and PGPORT (5432) select the server to restart: on a shared machine use a
# cluster of its own (pg_createcluster 15 reliab -p 5433 -- -A trust).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
outage=5
[ "${1:-}" = --outage ] && outage=$2
cluster=${RELIAB_PG_CLUSTER:-15 main}
db=${RELIAB_RESTART_DB:-parallax_reliab_restart}
port=${RELIAB_RESTART_PORT:-8187}
base="http://127.0.0.1:$port"
fresh_db "$db"
start_app "$db" "$port" "$work/app.log"
echo "app up on $base with database $db on port $pg_port (cluster $cluster)"

probe_log="$work/probe.log"
: >"$probe_log"
probe() {
  while :; do
    local t
    for path in /q/health/ready "/api/search?q=meddling" /; do
      t=$(now_ms)
      curl -s -o "$work/last-body" --max-time 15 -w "$t $path %{http_code} %{time_total}\n" "$base$path" >>"$probe_log" || echo "$t $path 000 15" >>"$probe_log"
      case "$(tail -n 1 "$probe_log" | cut -d' ' -f3)" in 503) cp "$work/last-body" "$work/body-503-$(echo "$path" | tr -c 'a-z' _)" ;; esac
    done
    sleep 0.25
  done
}
probe &
probe_pid=$!
started_pids+=("$probe_pid")

"$root/bench/reliability/load.sh" --no-app --port "$port" --db "$db" --users "${RELIAB_RESTART_USERS:-20}" \
  --duration "$((outage + 25))s" >"$work/load.out" 2>&1 &
load_pid=$!
sleep 8
pg_ctlcluster --skip-systemctl-redirect $cluster stop -m fast
t_stop=$(now_ms)
echo "PostgreSQL stopped; down for $outage s"
sleep "$outage"
pg_ctlcluster --skip-systemctl-redirect $cluster start
until pg_isready -q -h "$pg_host" -p "$pg_port"; do sleep 0.05; done
t_up=$(now_ms)
echo "PostgreSQL accepting connections again after $(( (t_up - t_stop) / 1000 )) s"
wait "$load_pid" || true
sleep 2
kill "$probe_pid" 2>/dev/null || true
wait "$probe_pid" 2>/dev/null || true

python3 - "$probe_log" "$t_stop" "$t_up" <<'PY'
import sys
log, t_stop, t_up = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [l.split() for l in open(log) if l.strip()]
rows = [(int(t), p, int(c), float(s)) for t, p, c, s in rows]
# A second of margin after the stop command returns: sessions may still be closing.
during = [r for r in rows if t_stop + 1000 <= r[0] and r[0] + r[3] * 1000 < t_up - 200]
after = [r for r in rows if r[0] >= t_up]
slowest = max((r[3] for r in during), default=0)
codes = sorted({(r[1], r[2]) for r in during})
ready_down = [r for r in during if r[1] == "/q/health/ready"]
print("during the outage: %d probes, statuses %s, slowest answer %.2f s" % (len(during), codes, slowest))
# Recovered: the first probe round after which every probe is 200.
recovered = None
for i, r in enumerate(after):
    if all(x[2] == 200 for x in after[i:]):
        recovered = r[0]
        break
bad_after = [r for r in after if recovered is not None and r[0] >= recovered and r[2] != 200]
ok = True
if not during: print("FAIL: no probe during the outage"); ok = False
if any(c not in (503,) for _, c in codes): print("FAIL: during the outage some probe did not answer 503"); ok = False
if slowest >= 6: print("FAIL: a probe waited %.1f s during the outage" % slowest); ok = False
if not ready_down or any(r[2] == 200 for r in ready_down): print("FAIL: readiness was not DOWN"); ok = False
if recovered is None: print("FAIL: never recovered"); ok = False
else:
    secs = max(0, recovered - t_up) / 1000
    failed_first = [r for r in after if r[0] < recovered]
    print("recovered %.2f s after PostgreSQL accepted connections (%d probes failed before that)" % (secs, len(failed_first)))
    if secs > 5: print("FAIL: recovery took more than 5 s"); ok = False
sys.exit(0 if ok else 1)
PY
grep -q '"status":503' "$work"/body-503-_api_search* || fail "the API's 503 is not the JSON error"
grep -qi '<html' "$work"/body-503-_ || fail "the page's 503 is not an HTML page"
sed -n '/^group/,$p' "$work/load.out"
ok "database restart: fail-fast 503 during the outage, readiness DOWN, recovered within 5 s without restarting the app"
