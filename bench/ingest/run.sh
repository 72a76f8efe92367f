#!/usr/bin/env bash
# Ingest benchmark (docs/benchmarks.md "## Ingest"): all of Reuters-21578 into a freshly created database
# through `parallax ingest --defer-grouping`, reporting wall time, JVM CPU and the CPU of the database
# backends serving this database, per article, with the load average before and after.
# Usage: bench/ingest/run.sh [DB] [extra JVM options...]   (default DB parallax_bench_ingest)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-parallax_bench_ingest}; shift || true
DATA=${DATA:-../shared/data/reuters21578}
PSQL="psql -h 127.0.0.1 -U postgres -X -q -At"
JAR=${PARALLAX_JAR:-app/target/quarkus-app/quarkus-run.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q package -DskipTests -pl app -am" >&2; exit 2; }
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
OUT=$(mktemp -d)
echo "load before: $(uptime)"
TICK=$(getconf CLK_TCK)
# Database CPU: every backend of $DB is sampled until it exits (utime+stime from /proc, the last value kept).
( declare -A cpu
  while :; do
    for pid in $($PSQL -c "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()" 2>/dev/null); do
      if [ -r /proc/$pid/stat ]; then
        t=$(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || true)
        [ -n "$t" ] && cpu[$pid]=$t
      fi
    done
    total=0; for v in "${cpu[@]:-0}"; do total=$((total + v)); done
    echo "$total" > "$OUT/pgticks"
    # The storing phase alone: CPU of both sides when the summary line appears (the search-word count follows).
    if [ ! -e "$OUT/phase" ] && grep -q '^Ingested' "$OUT/stdout" 2>/dev/null; then
      jpid=$(cat "$OUT/jpid" 2>/dev/null)
      echo "$total $(awk '{print $14 + $15}' /proc/$jpid/stat 2>/dev/null || echo 0)" > "$OUT/phase"
    fi
    [ -e "$OUT/done" ] && break
    sleep 0.5
  done ) &
SAMPLER=$!
/usr/bin/time -f '%e %U %S %M' -o "$OUT/time" java "$@" \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/$DB \
  -jar "$JAR" ingest --defer-grouping "$DATA" > >(tee "$OUT/stdout") &
TIMEPID=$!
# The JVM is the child of /usr/bin/time; the sampler reads its CPU when the summary line appears.
for _ in $(seq 1 50); do
  kids=$(pgrep -d, -P "$TIMEPID" || true)
  jpid=$(pgrep -x java -P "$TIMEPID${kids:+,$kids}" | head -1 || true)
  [ -n "$jpid" ] && { echo "$jpid" > "$OUT/jpid"; break; }
  sleep 0.1
done
wait "$TIMEPID" || true
sleep 0.2
touch "$OUT/done"; wait $SAMPLER
read -r wall user sys rss < <(tail -1 "$OUT/time")
articles=$($PSQL -d "$DB" -c "select count(*) from article")
runsecs=$(sed -n 's/.* article(s) in \([0-9.]*\) s .*/\1/p' "$OUT/stdout" | head -1)
records=$(sed -n 's/.*file(s), \([0-9]*\) article(s).*/\1/p' "$OUT/stdout" | head -1)
pg=$(awk -v t="$(cat "$OUT/pgticks")" -v k="$TICK" 'BEGIN{printf "%.1f", t/k}')
echo "load after: $(uptime)"
awk -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v pg="$pg" -v n="$records" -v a="$articles" -v r="$runsecs" 'BEGIN{
  printf "articles stored %d of %d records; ingest %.1f s (%.0f records/s); process %.1f s wall, max RSS %d MB\n", a, n, r, n/r, w, m/1024;
  printf "CPU: JVM %.1f s (%.2f ms/record incl. start-up), PostgreSQL backends %.1f s (%.2f ms/record); total %.2f ms/record\n",
    u+s, (u+s)*1000/n, pg, pg*1000/n, (u+s+pg)*1000/n }'
if [ -e "$OUT/phase" ]; then
  read -r pgphase jvmphase < "$OUT/phase"
  awk -v p="$pgphase" -v j="$jvmphase" -v k="$TICK" -v n="$records" -v r="$runsecs" 'BEGIN{
    printf "storing phase only (start-up included, search-word count excluded): JVM %.2f ms/record, PostgreSQL %.2f ms/record, total %.2f ms/record; %.0f%% of 2 cores busy\n",
      j*1000/k/n, p*1000/k/n, (j+p)*1000/k/n, 100*(j+p)/k/r/2 }'
fi
rm -rf "$OUT"
