#!/usr/bin/env bash
# Annotation writers for the load harness: USERS readers register and log in through the pages, as a
# browser does (CSRF token from the form, session cookie from /j_security_check), then each posts W3C
# annotations on real paragraphs for DURATION (wrk, annotate.lua, one connection per user). Afterwards
# every acknowledged annotation (201) must be in the database.
#   bench/reliability/annotate.sh BASE USERS DURATION DB OUT
# Prints annotate.lua's summary line and "annotations: N acknowledged, N in the database"; exit status 1
# when an acknowledged annotation is missing or a user could not log in.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
base=$1; users=$2; duration=$3; db=$4; out=$5
[ "$users" -ge 1 ] || { echo "annotations: no annotation users"; exit 0; }
mkdir -p "$out/annotate"
dir="$out/annotate"
password="plum orchard lantern seventy"

# Targets: the first 60 characters of real paragraphs, with their offsets in the article's text.
psql_on "$db" -c "
  select json_build_object('@context', 'http://www.w3.org/ns/anno.jsonld', 'type', 'Annotation',
           'visibility', case when p.id % 2 = 0 then 'private' else 'shared' end,
           'body', json_build_array(json_build_object('type', 'TextualBody', 'purpose', 'commenting',
                                      'value', 'Load note on paragraph ' || p.id),
                                    json_build_object('type', 'TextualBody', 'purpose', 'tagging', 'value', 'load')),
           'target', json_build_object('source', '$base/articles/' || p.article_id, 'selector', json_build_array(
               json_build_object('type', 'TextQuoteSelector', 'exact', left(p.text, 60)),
               json_build_object('type', 'TextPositionSelector', 'start', p.start_offset,
                                 'end', p.start_offset + 60))))
  from paragraph p where p.kind = 'paragraph' and length(p.text) >= 80
  order by p.id limit 500" >"$dir/bodies"
[ -s "$dir/bodies" ] || fail "no paragraphs to annotate in $db"

cookie_value() { awk -v n="$2" '$6 == n { v = $7 } END { print v }' "$1"; }
: >"$dir/sessions"
stamp=$(date +%s%N | tail -c 9)
for n in $(seq 1 "$users"); do
  jar="$dir/jar.$n"; name="load${stamp}u$n"
  token=$(curl -s -c "$jar" -b "$jar" "$base/register" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -n 1)
  [ -n "$token" ] || fail "no CSRF token on $base/register"
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "username=$name" \
    --data-urlencode "password=$password" --data-urlencode "password-again=$password" \
    --data-urlencode "csrf-token=$token" "$base/register")
  [ "$code" = 303 ] || fail "registering $name answered $code"
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "j_username=$name" \
    --data-urlencode "j_password=$password" "$base/j_security_check")
  [ "$code" = 302 ] || fail "logging in $name answered $code"
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -n 1)
  session=$(cookie_value "$jar" parallax-session)
  csrf=$(cookie_value "$jar" parallax-csrf)
  [ -n "$session" ] && [ -n "$token" ] || fail "no session or CSRF token for $name"
  printf 'parallax-session=%s; parallax-csrf=%s\t%s\n' "$session" "$csrf" "$token" >>"$dir/sessions"
done

GROUP=annotation-writes SESSIONS="$dir/sessions" BODIES="$dir/bodies" ACKS="$dir/acks" \
  wrk -t"$users" -c"$users" -d"$duration" --timeout 10s -s "$root/bench/reliability/annotate.lua" "$base"

# Every acknowledged annotation must be stored (checked once the database answers again).
cat "$dir"/acks.* 2>/dev/null | sort -un >"$dir/acknowledged" || true
acknowledged=$(wc -l <"$dir/acknowledged")
for _ in $(seq 1 60); do psql_on "$db" -c 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
if [ "$acknowledged" -gt 0 ]; then
  psql_on "$db" -c "create temp table acked (id bigint primary key)" \
    -c "\\copy acked from '$dir/acknowledged'" \
    -c "select a.id from acked a left join annotation n on n.id = a.id where n.id is null" >"$dir/missing"
else
  : >"$dir/missing"
fi
missing=$(wc -l <"$dir/missing")
echo "annotations: $acknowledged acknowledged, $((acknowledged - missing)) in the database, $missing missing"
[ "$missing" = 0 ] || fail "acknowledged annotations missing from the database: $(head -c 200 "$dir/missing")"
