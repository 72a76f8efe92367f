#!/usr/bin/env bash
# Crash during ingest: kill -9 an ingest about halfway, run the same command again, and check that it
# completes with 0 duplicate articles, 0 articles without paragraphs, and a summary whose "already
# present" count is exactly what the killed run had committed. A clean, uninterrupted ingest of the same
# input into a second database is the reference: both must hold the same articles and paragraphs.
#   bench/reliability/crash-ingest.sh              all of Reuters-21578 (slow: two full ingests)
#   bench/reliability/crash-ingest.sh --records N  the first N Reuters records only (CI: N=300)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data=${REUTERS_DIR:-$root/../shared/data/reuters21578}
records=0
[ "${1:-}" = --records ] && records=$2
db=${RELIAB_CRASH_DB:-parallax_reliab_crash}
ref=${db}_ref
input="$data"
if [ ! -d "$data" ]; then
  # No Reuters-21578 on this machine (CI): the same check on synthetic articles, one file each.
  [ "$records" -gt 0 ] || fail "Reuters-21578 not found at $data (set REUTERS_DIR)"
  input="$work/synthetic-$records"
  synthetic_corpus "$input" "$records"
elif [ "$records" -gt 0 ]; then
  # A smaller batch: the first N <REUTERS> records of the collection, as one SGML file.
  input="$work/reuters-$records"
  mkdir -p "$input"
  python3 - "$data" "$records" "$input/reut2-subset.sgm" <<'PY'
import glob, re, sys
data, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
recs = []
for path in sorted(glob.glob(data + "/reut2-*.sgm")):
    recs += re.findall(rb"<REUTERS.*?</REUTERS>", open(path, "rb").read(), re.S)
    if len(recs) >= n:
        break
open(out, "wb").write(b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + b"\n".join(recs[:n]) + b"\n")
PY
fi
echo "input: $input ($(cat "$input"/* | grep -c '<REUTERS ' || ls "$input" | wc -l) records)"

# Reference: the same input ingested without interruption.
fresh_db "$ref"
db=$ref parallax_cli ingest "$input" >"$work/ref.out" 2>"$work/ref.err" || [ $? = 1 ] || fail "reference ingest failed: $(tail -n 3 "$work/ref.err")"
ref_articles=$(psql_on "$ref" -c "select count(*) from article")
# The summary is the "Ingested ..." line; grouping and search-word lines follow it.
summary_of() { grep -m 1 '^Ingested ' "$1"; }
echo "reference run: $(summary_of "$work/ref.out")"
kill_at=$(( ref_articles / 2 ))
# Exact repeats inside the input are "already present" in any run (Reuters has a few).
ref_repeats=$(sed -nE 's/.* ([0-9]+) unchanged \(already present\).*/\1/p' <<<"$(summary_of "$work/ref.out")")

fresh_db "$db"
# The schema exists before the timed run starts, so "halfway" is counted in articles, not start-up time.
psql_on "$db" -c "select 1" >/dev/null
start=$(now_ms)
(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/$db" exec java -jar "$jar" ingest "$input" \
   >"$work/crash.out" 2>"$work/crash.err") &
ingest_pid=$!
started_pids+=("$ingest_pid")
killed_at=""
while kill -0 "$ingest_pid" 2>/dev/null; do
  n=$(psql_on "$db" -c "select count(*) from article" 2>/dev/null || echo 0)
  if [ "${n:-0}" -ge "$kill_at" ]; then
    kill -9 "$ingest_pid"
    killed_at=$(( ($(now_ms) - start) / 1000 ))
    break
  fi
  sleep 0.2
done
wait "$ingest_pid" 2>/dev/null || true
[ -n "$killed_at" ] || fail "the ingest finished before it could be killed (lower the batch or raise the size)"
at_kill=$(psql_on "$db" -c "select count(*) from article")
partial_at_kill=$(psql_on "$db" -c "select count(*) from article a where not exists (select 1 from paragraph p where p.article_id = a.id)")
echo "killed (SIGKILL) after ${killed_at} s with $at_kill of $ref_articles articles committed; articles without paragraphs then: $partial_at_kill"

db=$db parallax_cli ingest "$input" >"$work/rerun.out" 2>"$work/rerun.err" || [ $? = 1 ] || fail "re-run failed: $(tail -n 3 "$work/rerun.err")"
summary=$(summary_of "$work/rerun.out")
echo "re-run: $summary"
present=$(sed -nE 's/.* ([0-9]+) unchanged \(already present\).*/\1/p' <<<"$summary")

read -r articles paragraphs partial dupes < <(psql_on "$db" -F ' ' -c "
  select (select count(*) from article), (select count(*) from paragraph),
         (select count(*) from article a where not exists (select 1 from paragraph p where p.article_id = a.id)),
         (select count(*) from (select 1 from article group by headline, body, published_at having count(*) > 1) d)")
read -r ref_paragraphs ref_dupes < <(psql_on "$ref" -F ' ' -c "
  select (select count(*) from paragraph),
         (select count(*) from (select 1 from article group by headline, body, published_at having count(*) > 1) d)")
missing=$(comm -3 <(psql_on "$db" -c "select content_hash from article order by 1") \
                  <(psql_on "$ref" -c "select content_hash from article order by 1") | wc -l)
echo "after re-run: $articles articles (reference $ref_articles), $paragraphs paragraphs (reference $ref_paragraphs),"\
     "duplicate articles $dupes (reference $ref_dupes), articles without paragraphs $partial, content hashes differing $missing,"\
     "already present per summary $present (committed before the kill $at_kill + repeats inside the input $ref_repeats)"
[ "$partial_at_kill" = 0 ] || fail "$partial_at_kill articles without paragraphs after the kill"
[ "$articles" = "$ref_articles" ] || fail "article count differs from the uninterrupted run"
[ "$paragraphs" = "$ref_paragraphs" ] || fail "paragraph count differs from the uninterrupted run"
[ "$dupes" = "$ref_dupes" ] || fail "the crash and re-run duplicated articles"
[ "$partial" = 0 ] || fail "$partial articles without paragraphs"
[ "$missing" = 0 ] || fail "$missing articles differ from the uninterrupted run"
[ "$present" = "$((at_kill + ref_repeats))" ] || fail "the summary reports $present already present; $at_kill were committed and the input repeats $ref_repeats"
ok "crash during ingest: killed at $at_kill/$ref_articles, re-run completed, 0 duplicates, 0 partial articles, $present reported already present"
[ "${RELIAB_KEEP_DB:-0}" = 1 ] || { drop_db "$db"; drop_db "$ref"; }
