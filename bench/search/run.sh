#!/usr/bin/env bash
# Search load benchmark: 8 concurrent clients send the 200 queries of queries.txt to /api/search on a
# local Parallax serving the corpus built by load-corpus.sh. Loopback only; bounded by DURATION.
#   [WARMUP=90s] bench/search/run.sh [DURATION]      (default 60s)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
db=${PARALLAX_BENCH_DB:-parallax_bench_search}
port=${PARALLAX_BENCH_PORT:-8185}
pglog=${PARALLAX_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
duration=${1:-60s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

# The measured run is made without auto_explain: with log_analyze it instruments every statement, slow or
# not. A short second run with it on, on fresh connections, finds the slowest statement's plan afterwards.
explain_settings() {
  local verb=$1
  for setting in "session_preload_libraries = 'auto_explain'" "auto_explain.log_min_duration = '20ms'" \
                 "auto_explain.log_analyze = on"; do
    if [ "$verb" = set ]; then
      psql -h 127.0.0.1 -U postgres -qc "alter database $db set $setting"
    else
      psql -h 127.0.0.1 -U postgres -qc "alter database $db reset ${setting%% =*}"
    fi
  done
}
explain_settings reset

log=$(mktemp)
app=""
start_app() {
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" QUARKUS_HTTP_PORT=$port \
    java -jar "${PARALLAX_JAR:-$root/app/target/quarkus-app/quarkus-run.jar}" serve >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null
}
stop_app() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
trap 'stop_app; explain_settings reset; rm -f "$log"' EXIT
start_app
echo "articles: $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc 'select count(*) from article')"

cd "$here"
# Warm-up: every query once, sequentially; also finds the slowest single query.
slowest=""; slowest_ms=0
while IFS= read -r q; do
  case "$q" in ""|\#*) continue ;; esac
  ms=$(curl -s -o /dev/null -w '%{time_total}' -G "http://127.0.0.1:$port/api/search" --data-urlencode "q=$q" \
       | awk '{printf "%d", $1 * 1000}')
  if [ "$ms" -gt "$slowest_ms" ]; then slowest_ms=$ms; slowest=$q; fi
done < queries.txt
echo "slowest single query when cold: '$slowest' ($slowest_ms ms)"

# CPU time (clock ticks) of the app and of its PostgreSQL backends, to report CPU per query next to the
# wall-clock latencies (which depend on what else the machine is doing).
ticks() {
  local t=0 pid
  for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
# The JIT compilers' threads, to show that the measured run is past the warm-up. Read from task/TID/stat:
# /proc/TID/stat would give the whole process's times.
jit_ticks() {
  local t=0 task
  for task in /proc/"$app"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*)
      t=$((t + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$t"
}
backends() { psql -h 127.0.0.1 -U postgres -Atc "select pid from pg_stat_activity where datname = '$db' and pid <> pg_backend_pid()"; }
# The same load first (WARMUP, default 90 s): the JIT compiles the hot paths and the connection pool grows
# to its working size, so the measured run is steady state. Ten seconds were not enough on a slower
# machine: 60-90 s after the first search the C2 compiler still took 23% of the app's CPU.
QUERIES=queries.txt wrk -t2 -c8 -d"${WARMUP:-90s}" --timeout 5s -s search.lua "http://127.0.0.1:$port" >/dev/null
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
pg_pids=$(backends)
app_before=$(ticks "$app"); pg_before=$(ticks $pg_pids); jit_before=$(jit_ticks)
out=$(QUERIES=queries.txt wrk -t2 -c8 -d"$duration" --timeout 5s -s search.lua "http://127.0.0.1:$port")
app_after=$(ticks "$app"); pg_pids=$(backends); pg_after=$(ticks $pg_pids); jit_after=$(jit_ticks)
echo "$out"
requests=$(echo "$out" | sed -n 's/^requests \([0-9]*\),.*/\1/p')
hz=$(getconf CLK_TCK)
awk -v a=$((app_after - app_before)) -v p=$((pg_after - pg_before)) -v n="$requests" -v hz="$hz" \
  'BEGIN { printf "CPU per query: app %.2f ms, PostgreSQL %.2f ms (%d backends)\n", a * 1000 / hz / n, p * 1000 / hz / n, '"$(echo $pg_pids | wc -w)"' }'

awk -v j=$((jit_after - jit_before)) -v a=$((app_after - app_before)) \
  'BEGIN { printf "JIT compiler threads: %.1f%% of the app CPU during the run\n", (a > 0 ? j * 100 / a : 0) }'
echo "after the run: $(uptime | sed 's/.*load/load/')"

# The slowest statement PostgreSQL logs with its plan (auto_explain) in 20 s of the same load.
stop_app
explain_settings set
start_app
log_from=$(stat -c %s "$pglog" 2>/dev/null || echo 0)
QUERIES=queries.txt wrk -t2 -c8 -d20s --timeout 5s -s search.lua "http://127.0.0.1:$port" >/dev/null
if [ -r "$pglog" ]; then
  tail -c +"$((log_from + 1))" "$pglog" | python3 -c '
import re, sys
text = sys.stdin.read()
plans = re.split(r"\n(?=\S.*LOG:  duration: )", text)
best = max(((float(m.group(1)), p) for p in plans for m in [re.search(r"LOG:  duration: ([0-9.]+) ms  plan:", p)] if m),
           default=None)
print("slowest statement in 20 s of the same load with auto_explain on:\n" + best[1] if best else "no statement over 20 ms was logged")
' | head -n 120
fi
