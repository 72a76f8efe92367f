#!/usr/bin/env bash
# Backup and restore: pg_dump (custom format) of a Parallax database, pg_restore into a fresh database,
# the app started on each, and the same stories, articles and annotations served by both.
#   bench/reliability/backup-restore.sh [SOURCE_DB]      (default: a fresh database with the seeds)
# The procedure itself (docs/reliability.md):
#   pg_dump -h HOST -U USER -Fc -f parallax.dump parallax
#   createdb -h HOST -U USER parallax_restored && pg_restore -h HOST -U USER -d parallax_restored --no-owner parallax.dump
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
src=${1:-parallax_reliab_backup_src}
dst=${RELIAB_RESTORE_DB:-parallax_reliab_restored}
port_a=${RELIAB_BACKUP_PORT:-8188}
port_b=${RELIAB_BACKUP_PORT_B:-8185}
if [ $# = 0 ]; then
  fresh_db "$src"
  start_app "$src" "$port_a" "$work/app-src.log"      # migrates and loads the seeds
  stop_pid "$app_pid"
fi
start=$(now_ms)
pg_dump -h "$pg_host" -p "$pg_port" -U postgres -Fc -f "$work/parallax.dump" "$src"
dump_ms=$(( $(now_ms) - start ))
drop_db "$dst"
psql -h "$pg_host" -U postgres -qc "create database $dst"
start=$(now_ms)
pg_restore -h "$pg_host" -p "$pg_port" -U postgres -d "$dst" --no-owner --exit-on-error "$work/parallax.dump"
restore_ms=$(( $(now_ms) - start ))
echo "dump $(du -h "$work/parallax.dump" | cut -f1) in ${dump_ms} ms, restore in ${restore_ms} ms"

# Row-level comparison of what matters to readers and annotators.
fingerprint() {
  psql_on "$1" -c "select 'stories', count(*), md5(coalesce(string_agg(id || ':' || title, ',' order by id), '')) from story
    union all select 'articles', count(*), md5(coalesce(string_agg(id || ':' || content_hash, ',' order by id), '')) from article
    union all select 'paragraphs', count(*), md5(coalesce(string_agg(article_id || ':' || ordinal || ':' || md5(text), ',' order by article_id, ordinal), '')) from paragraph
    union all select 'annotations', count(*), md5(coalesce(string_agg(id || ':' || coalesce(note, '') || ':' || target::text, ',' order by id), '')) from annotation
    union all select 'users', count(*), md5(coalesce(string_agg(id || ':' || username, ',' order by id), '')) from app_user"
}
diff <(fingerprint "$src") <(fingerprint "$dst") || fail "restored rows differ"
fingerprint "$dst" | sed 's/^/restored: /'

# Served the same: both apps up at once, the same pages and API answers byte for byte.
export PARALLAX_SEEDS_LOAD_ON_START=false
start_app "$src" "$port_a" "$work/app-a.log"; pid_a=$app_pid
start_app "$dst" "$port_b" "$work/app-b.log"; pid_b=$app_pid
paths=(/api/stories "/api/search?q=meddling")
for id in $(psql_on "$dst" -c "select id from story order by id limit 20"); do paths+=("/api/stories/$id" "/api/stories/$id/alignment"); done
for id in $(psql_on "$dst" -c "select id from article order by id limit 20"); do paths+=("/api/articles/$id" "/articles/$id"); done
[ -n "$(psql_on "$dst" -c "select 1 from information_schema.tables where table_name = 'annotation'")" ] && \
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/api/annotations")" != 404 ] && paths+=(/api/annotations)
differ=0
mkdir -p "$work/a" "$work/b"
# CSRF tokens differ per response; JSON objects are compared with sorted keys (Map.of has no fixed order).
normalise() { local body; body=$(sed -E 's/name="csrf-token" value="[^"]*"//g'); jq -S . <<<"$body" 2>/dev/null || printf '%s' "$body"; }
for i in "${!paths[@]}"; do
  p=${paths[$i]}
  curl -s "http://127.0.0.1:$port_a$p" | normalise >"$work/a/$i"
  curl -s "http://127.0.0.1:$port_b$p" | normalise >"$work/b/$i"
  [ -s "$work/a/$i" ] || { echo "empty answer: $p" >&2; differ=$((differ + 1)); continue; }
  cmp -s "$work/a/$i" "$work/b/$i" || { echo "differs: $p" >&2; diff "$work/a/$i" "$work/b/$i" | head -n 4 >&2; differ=$((differ + 1)); }
done
[ "$differ" = 0 ] || fail "$differ of ${#paths[@]} responses differ between the original and the restored database"
ok "backup and restore: identical rows, ${#paths[@]} responses identical from the original and the restored database"
[ "${RELIAB_KEEP_DB:-0}" = 1 ] || { drop_db "$dst"; [ $# = 0 ] && drop_db "$src"; true; }
