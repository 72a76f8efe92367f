#!/usr/bin/env bash
# Graceful shutdown: SIGTERM to a serving app with requests in flight, and to an ingest halfway through.
# Checks: every request that was in flight completes with 200; readiness turns DOWN during the shutdown
# delay; the app exits by itself; the ingest stops at an article boundary (summary "stopped by
# shutdown", its ingest_run closed, no article without paragraphs) and a re-run finishes the batch; `group`
# stops after the article being grouped (none half-grouped, no failures) and a re-run finishes it.
#   bench/reliability/shutdown.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
db=${RELIAB_SHUTDOWN_DB:-parallax_reliab_shutdown}
port=${RELIAB_SHUTDOWN_PORT:-8188}
data=${REUTERS_DIR:-$root/../shared/data/reuters21578}
base="http://127.0.0.1:$port"
fresh_db "$db"
start_app "$db" "$port" "$work/app.log"

# 1. The server: 20 requests in flight, then SIGTERM.
for i in $(seq 1 20); do
  path=$([ $((i % 2)) = 0 ] && echo "/search?q=meddling+$i" || echo "/articles/$(( (i % 5) + 1 ))")
  curl -s -o /dev/null --max-time 60 -w '%{http_code}\n' "$base$path" >"$work/inflight-$i" &
done
sleep 0.05
t0=$(now_ms)
kill -TERM "$app_pid"
# The JVM turns readiness DOWN once its shutdown hook runs, a moment after the signal: probe for up to 2 s
# of the 5 s shutdown delay rather than once, which raced the hook.
ready=""
for _ in $(seq 1 20); do
  ready=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$base/q/health/ready" || true)
  [ "$ready" = 503 ] && break
  sleep 0.1
done
wait $(jobs -p | grep -v "^$app_pid$") 2>/dev/null || true
codes=$(cat "$work"/inflight-* | sort | uniq -c | tr -s ' ' | tr '\n' ';')
for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the app did not exit within 30 s of SIGTERM"
exit_ms=$(( $(now_ms) - t0 ))
echo "server: in-flight requests answered:${codes} readiness after SIGTERM: $ready; exited after ${exit_ms} ms"
[ "$(grep -vc '^200$' "$work"/inflight-* | awk -F: '{s+=$2} END {print s}')" = 0 ] || fail "an in-flight request did not complete with 200"
[ "$ready" = 503 ] || fail "readiness was not DOWN during the shutdown delay"

# 2. The ingest: SIGTERM once a third of a 300-record batch is stored.
input="$work/reuters"
mkdir -p "$input"
if [ -d "$data" ]; then
  python3 - "$data" "$input/reut2-subset.sgm" <<'PY'
import glob, re, sys
recs = re.findall(rb"<REUTERS.*?</REUTERS>", open(sorted(glob.glob(sys.argv[1] + "/reut2-*.sgm"))[0], "rb").read(), re.S)[:300]
open(sys.argv[2], "wb").write(b"\n".join(recs) + b"\n")
PY
else
  synthetic_corpus "$input" 300
fi
before=$(psql_on "$db" -c "select count(*) from article")
(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/$db" exec java -jar "$jar" ingest "$input" \
   >"$work/ingest.out" 2>"$work/ingest.err") &
ingest_pid=$!
started_pids+=("$ingest_pid")
until [ "$(psql_on "$db" -c "select count(*) from article")" -ge $((before + 90)) ]; do
  kill -0 "$ingest_pid" 2>/dev/null || fail "the ingest ended before it could be stopped"
  sleep 0.2
done
kill -TERM "$ingest_pid"
set +e; wait "$ingest_pid"; status=$?; set -e
read -r stored partial open_runs < <(psql_on "$db" -F ' ' -c "select (select count(*) from article) - $before,
  (select count(*) from article a where not exists (select 1 from paragraph p where p.article_id = a.id)),
  (select count(*) from ingest_run where finished_at is null)")
echo "ingest: exit status $status, $stored articles stored before stopping; $(grep -h 'stopped\|Stopped' "$work/ingest.out" "$work/ingest.err" | head -n 2 | tr '\n' ' ')"
# The JVM is already shutting down when the command returns, so the exit status is SIGTERM's 143; the
# summary line is what says the run stopped (exit status 3 when the stop came from inside the app).
{ [ "$status" = 3 ] || [ "$status" = 143 ]; } && grep -q 'stopped by shutdown before the end' "$work/ingest.out" \
  || { tail -n 5 "$work/ingest.err" >&2; fail "the ingest did not report a shutdown stop (exit $status)"; }
[ "$partial" = 0 ] || fail "$partial articles without paragraphs"
[ "$open_runs" = 0 ] || fail "$open_runs ingest runs left open"
db=$db parallax_cli ingest "$input" >"$work/rerun.out" 2>&1 || [ $? = 1 ] || fail "re-run failed"
rerun=$(grep -m 1 '^Ingested ' "$work/rerun.out")
echo "re-run: $rerun"
# The re-run finds every stored article again (plus the input's own exact repeats) and adds only the rest
# (new articles, and near-duplicates, which are stored and linked).
rerun_new=$(sed -nE 's/.*: ([0-9]+) new,.*/\1/p' <<<"$rerun")
rerun_near=$(sed -nE 's/.* ([0-9]+) near-duplicate.*/\1/p' <<<"$rerun")
rerun_present=$(sed -nE 's/.* ([0-9]+) unchanged \(already present\).*/\1/p' <<<"$rerun")
total=$(( $(psql_on "$db" -c "select count(*) from article") - before ))
[ -n "$rerun_new" ] && [ "$((stored + rerun_new + rerun_near))" = "$total" ] && [ "$rerun_present" -ge "$stored" ] \
  || fail "the re-run did not finish the batch on top of the $stored stored articles ($rerun_new new, $rerun_near near-duplicate, $rerun_present already present, $total in all)"
ok "graceful shutdown: in-flight requests completed, readiness DOWN, ingest stopped at an article boundary after $stored articles"

# 3. `parallax group` halfway through grouping a batch stored without grouping: it stops after the article and
#    the alignments in progress, leaves every article either fully grouped or untouched, and a re-run finishes.
gdb=${db}_group
fresh_db "$gdb"
db=$gdb parallax_cli ingest --defer-grouping "$input" >"$work/group-ingest.out" 2>&1 || [ $? = 1 ] \
  || fail "storing the batch for grouping failed"
articles=$(psql_on "$gdb" -c "select count(*) from article")
# Like every command but serve, group opens no HTTP port and loads no seeds (which would group the batch
# before the command itself starts).
(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/$gdb" exec java -jar "$jar" group >"$work/group.out" 2>"$work/group.err") &
group_pid=$!
started_pids+=("$group_pid")
until [ "$(psql_on "$gdb" -c "select count(*) from story_member")" -ge $((articles / 4)) ]; do
  kill -0 "$group_pid" 2>/dev/null || fail "grouping ended before it could be stopped"
  sleep 0.1
done
t0=$(now_ms)
kill -TERM "$group_pid"
set +e; wait "$group_pid"; status=$?; set -e
exit_ms=$(( $(now_ms) - t0 ))
read -r grouped half < <(psql_on "$gdb" -F ' ' -c "select (select count(*) from story_member),
  (select count(*) from story_member m join article a on a.id = m.article_id where a.story_id is null)")
echo "group: exit status $status ${exit_ms} ms after SIGTERM, $grouped of $articles articles grouped; $(grep -h 'Stopped' "$work/group.err" | head -n 1)"
grep -q 'Stopped by shutdown' "$work/group.err" || { tail -n 5 "$work/group.err" >&2; fail "group did not report a shutdown stop (exit $status)"; }
! grep -q '✗' "$work/group.err" || { grep -m 3 '✗' "$work/group.err" >&2; fail "group failed articles while shutting down"; }
[ "$exit_ms" -lt 30000 ] || fail "group took ${exit_ms} ms to stop"
[ "$half" = 0 ] || fail "$half articles indexed for grouping but in no story"
[ "$grouped" -lt "$articles" ] || fail "grouping had finished before the signal: nothing was interrupted"
db=$gdb parallax_cli group >"$work/group-rerun.out" 2>&1 || fail "the group re-run failed"
read -r ungrouped marked < <(psql_on "$gdb" -F ' ' -c "select (select count(*) from article where story_id is null),
  (select count(*) from story_alignment_queue)")
echo "group re-run: $(grep -m 1 '^Grouped [0-9]' "$work/group-rerun.out"); $ungrouped ungrouped, $marked alignment marks left"
[ "$ungrouped" = 0 ] && [ "$marked" = 0 ] || fail "the re-run left $ungrouped articles ungrouped and $marked alignment marks"
ok "group stopped ${exit_ms} ms after SIGTERM with $grouped of $articles articles grouped, none half-grouped; the re-run grouped and aligned the rest"
[ "${RELIAB_KEEP_DB:-0}" = 1 ] || drop_db "$gdb"
[ "${RELIAB_KEEP_DB:-0}" = 1 ] || drop_db "$db"
