#!/usr/bin/env bash
# Load harness: a realistic mix against a local Parallax, 100 concurrent users for DURATION.
#   bench/reliability/load.sh [--db DB] [--port PORT] [--duration 60s] [--users 100] [--no-app]
# Starts the packaged app on DB (default parallax_bench_reliab, seeds plus Reuters-21578 loaded by
# bench/search/load-corpus.sh or `parallax ingest`) unless --no-app, then runs one wrk process per endpoint
# group at the same time, with the users split as the mix says:
#   page reads 70%: / 10%, story overview 20%, compare 15%, article 25%
#   searches   20%: /api/search 10%, /search 10%
#   annotation writes 10%: logged-in POST /api/annotations with session cookie and CSRF token
#     (annotate.sh; when this build has no annotation API those users read articles instead, and the
#     report says so)
# Each group reports requests, 5xx, other non-2xx, socket errors, timeouts, p50/p90/p99. Loopback only,
# bounded by DURATION. Exit status 1 when any request failed (5xx, socket error or timeout).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
db=parallax_bench_reliab; port=8186; duration=60s; users=100; own_app=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;; --port) port=$2; shift 2 ;; --duration) duration=$2; shift 2 ;;
    --users) users=$2; shift 2 ;; --no-app) own_app=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
command -v wrk >/dev/null || fail "wrk is needed (apt-get install wrk)"
base="http://127.0.0.1:$port"
if [ "$own_app" = 1 ]; then
  start_app "$db" "$port" "$work/app.log"
fi
out=${RELIAB_LOAD_OUT:-$work/load}
mkdir -p "$out"

# Paths for each group, from what the database holds.
psql_on "$db" -c "select '/articles/' || id from article order by random() limit 2000" >"$out/article.paths"
psql_on "$db" -c "select id from story where article_count >= 1 order by article_count desc, id limit 1000" >"$out/story.ids"
[ -s "$out/story.ids" ] || fail "no stories in $db"
status_of() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
first_story=$(head -n 1 "$out/story.ids")
if [ "$(status_of "/stories/$first_story")" = 200 ]; then
  sed 's|^|/stories/|' "$out/story.ids" >"$out/story.paths"
  psql_on "$db" -c "select '/stories/' || story_id || '/compare?articles=' || string_agg(id::text, ',' order by id)
                    from (select story_id, id, row_number() over (partition by story_id order by id) n from article
                          where story_id is not null) a where n <= 3 group by story_id having count(*) >= 2 limit 1000" \
    >"$out/compare.paths"
  pages=html
else
  # This build has no story pages yet: the same data through the JSON API the pages are built on.
  sed 's|^|/api/stories/|' "$out/story.ids" >"$out/story.paths"
  sed 's|^|/api/stories/|; s|$|/alignment|' "$out/story.ids" >"$out/compare.paths"
  pages=api
fi
[ -s "$out/compare.paths" ] || cp "$out/story.paths" "$out/compare.paths"
echo / >"$out/home.paths"
grep -v '^#' "$root/bench/search/queries.txt" | python3 -c '
import sys, urllib.parse
qs = [l.strip() for l in sys.stdin if l.strip()]
open(sys.argv[1], "w").write("".join("/api/search?q=%s\n" % urllib.parse.quote(q) for q in qs))
open(sys.argv[2], "w").write("".join("/search?q=%s\n" % urllib.parse.quote(q) for q in qs))' "$out/api-search.paths" "$out/search-page.paths"

share() { echo $(( (users * $1 + 50) / 100 )); }
annotations=0
if [ -x "$root/bench/reliability/annotate.sh" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/annotations")" != 404 ]; then
  annotations=1
fi
groups=("home:$(share 10):home" "story:$(share 20):story" "compare:$(share 15):compare" "article:$(share 25):article"
        "api-search:$(share 10):api-search" "search-page:$(share 10):search-page")
if [ "$annotations" = 0 ]; then
  groups+=("article-instead-of-annotations:$(share 10):article")
  echo "note: this build has no POST /api/annotations; the annotation users read articles instead"
fi
echo "load: $users users for $duration against $base ($db: $(psql_on "$db" -c 'select count(*) from article') articles, story pages via $pages); $(uptime | sed 's/.*load/load/')"
pids=()
for g in "${groups[@]}"; do
  IFS=: read -r name conns paths <<<"$g"
  GROUP=$name PATHS="$out/$paths.paths" wrk -t1 -c"$conns" -d"$duration" --timeout 10s -s "$root/bench/reliability/mix.lua" "$base" \
    >"$out/$name.wrk" 2>&1 &
  pids+=($!)
done
if [ "$annotations" = 1 ]; then
  "$root/bench/reliability/annotate.sh" "$base" "$(share 10)" "$duration" "$db" "$out" >"$out/annotate.wrk" 2>&1 &
  pids+=($!)
fi
for p in "${pids[@]}"; do wait "$p" || true; done
failed=0
printf '%-32s %8s %6s %6s %6s %6s %8s %8s %8s %8s\n' group requests 5xx 4xx sock tmo req/s p50ms p99ms maxms
for f in "$out"/*.wrk; do
  line=$(grep '^group=' "$f" || true)
  [ -n "$line" ] || { cat "$f" >&2; failed=1; continue; }
  eval "$(tr ' ' '\n' <<<"$line" | sed 's/^\([a-z_0-9]*\)=/\1=/')"
  printf '%-32s %8s %6s %6s %6s %6s %8s %8s %8s %8s\n' "$group" "$requests" "$errors5xx" "$other_non2xx" "$socket_errors" "$timeouts" "$rps" "$p50" "$p99" "$max"
  [ "$errors5xx" = 0 ] && [ "$socket_errors" = 0 ] && [ "$timeouts" = 0 ] || failed=1
done
[ "$annotations" = 1 ] && grep -h '^annotations:' "$out/annotate.wrk" || true
[ "$failed" = 0 ] && ok "load: 0 errors" || { echo "FAIL: some requests failed" >&2; exit 1; }
