#!/usr/bin/env bash
# Hostile inputs at scale: generates >= 200 hostile files (make-hostile.py), ingests them with a 256 MB heap
# into a fresh database, and checks: the ingest finishes (exit 0 or 1, no JVM crash or stack trace), every
# file is stored or named in a one-line error, no article lacks paragraphs, and no external entity was
# resolved (a local HTTP listener counts every request; a canary file's text must not reach the database).
#   bench/reliability/hostile.sh            (database parallax_reliab_hostile, listener on port 8189)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
db=${RELIAB_HOSTILE_DB:-parallax_reliab_hostile}
listen_port=${RELIAB_CANARY_PORT:-8189}
corpus="$work/hostile"
canary_file="$work/canary-secret.txt"
canary_text="PARALLAX-CANARY-$(date +%s)-$RANDOM"
echo "$canary_text" >"$canary_file"
hits="$work/canary-hits.log"
: >"$hits"

# The listener answers every request with an entity body carrying the canary, and logs the request line.
python3 - "$listen_port" "$hits" "$canary_text" >"$work/listener.log" 2>&1 <<'PY' &
import http.server, sys
port, log, canary = int(sys.argv[1]), sys.argv[2], sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(log, "a") as f:
            f.write(self.requestline + "\n")
        body = ('<!ENTITY canary "%s">' % canary).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
started_pids+=("$!")
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$listen_port/self-test" && break; sleep 0.1; done
[ "$(wc -l <"$hits")" = 1 ] || fail "the canary listener is not answering on port $listen_port"
: >"$hits"

files=$(python3 "$root/bench/reliability/make-hostile.py" "$corpus" "http://127.0.0.1:$listen_port" "$canary_file")
echo "generated $files hostile files in $corpus ($(du -sh "$corpus" | cut -f1))"
[ "$files" -ge 200 ] || fail "only $files files generated"

fresh_db "$db"
java_opts="-Xmx256m -XX:+ExitOnOutOfMemoryError"
start=$(now_ms)
set +e
parallax_cli ingest "$corpus" >"$work/ingest.out" 2>"$work/ingest.err"
status=$?
set -e
seconds=$(( ($(now_ms) - start) / 1000 ))
echo "ingest exit status $status after ${seconds} s: $(tail -n 1 "$work/ingest.out")"
[ "$status" -le 1 ] || { tail -n 30 "$work/ingest.err" >&2; fail "ingest crashed (exit $status)"; }
grep -q '^Ingested ' "$work/ingest.out" || fail "ingest printed no summary"
fatal=$(cat "$work/ingest.err" "$work/ingest.out" | grep -cE 'OutOfMemoryError|StackOverflowError|ingest extraction stopped' || true)
[ "$fatal" = 0 ] || { grep -m 5 -E 'Error|stopped' "$work/ingest.err" "$work/ingest.out" >&2; fail "the ingest hit $fatal fatal errors"; }
# Logged, not fatal: the article stays stored without a story (StoryAssignmentTrigger). Reported as a figure.
grouping=$(cat "$work/ingest.err" "$work/ingest.out" | grep -c 'story assignment failed' || true)

# Each file is accounted for: stored (its path is a source document's origin, or an origin's prefix
# for multi-record inputs) or named in an ingest error, whose message is one line.
unaccounted=0
while IFS= read -r f; do
  n=$(psql_on "$db" -v f="$f" <<'SQL'
select (select count(*) from source_document where origin = :'f' or origin like :'f' || '#%')
     + (select count(*) from ingest_error where input = :'f' or input like :'f' || '#%' or message like :'f' || ':%');
SQL
)
  if [ "$n" = 0 ]; then unaccounted=$((unaccounted + 1)); echo "unaccounted: $f" >&2; fi
done < <(find "$corpus" -type f | sort)
multiline=$(psql_on "$db" -c "select count(*) from ingest_error where message like '%' || chr(10) || '%'")
partial=$(psql_on "$db" -c "select count(*) from article a where not exists (select 1 from paragraph p where p.article_id = a.id)")
leaked=$(psql_on "$db" -v c="$canary_text" <<'SQL'
select (select count(*) from article where strpos(headline || coalesce(dek, '') || body, :'c') > 0)
     + (select count(*) from paragraph where strpos(text, :'c') > 0);
SQL
)
secret=$(psql_on "$db" -v c="$canary_text" -c "select count(*) from source_document where strpos(convert_from(content, 'SQL_ASCII'), :'c') > 0" 2>/dev/null || echo 0)
requests=$(wc -l <"$hits")
read -r articles errors < <(psql_on "$db" -F ' ' -c "select (select count(*) from article), (select count(*) from ingest_error)")
echo "files $files; articles stored $articles; ingest errors $errors; unaccounted files $unaccounted;"\
     "multi-line errors $multiline; articles without paragraphs $partial; canary in articles $leaked;"\
     "canary in raw documents $secret; requests to the canary listener $requests"
[ "$unaccounted" = 0 ] || fail "$unaccounted files neither stored nor reported"
[ "$multiline" = 0 ] || fail "$multiline error messages span several lines"
[ "$partial" = 0 ] || fail "$partial articles without paragraphs"
[ "$leaked" = 0 ] && [ "$secret" = 0 ] || fail "an external entity was resolved into stored text"
[ "$requests" = 0 ] || { cat "$hits" >&2; fail "the parser fetched $requests external resources"; }
ok "hostile corpus: $files files, $articles articles, $errors one-line errors, 0 crashes, 0 partial rows, 0 entities resolved, ${seconds} s"
[ "${RELIAB_KEEP_DB:-0}" = 1 ] || drop_db "$db"
