#!/usr/bin/env bash
# Proves that the web tier keeps no state of its own: two Parallax instances on different ports share
# one PostgreSQL database, start together (as two Kubernetes replicas do), and what is written through
# one is served by the other, even after the first has stopped.
#
# Usage: deploy/two-instances.sh [--skip-package]
# Environment: PGHOST, PGPORT, PGUSER (default 127.0.0.1, 5432, postgres), PARALLAX_TWO_DB (default
# parallax_two_instances; dropped before and after).
# Ends with the line "N passed, M failed"; exits non-zero when a check failed.
set -euo pipefail

skip_package=false
for arg in "$@"; do
  case "$arg" in
    --skip-package) skip_package=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "two-instances: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
app_dir="$repo/app/target/quarkus-app"
db=${PARALLAX_TWO_DB:-parallax_two_instances}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
jdbc_url="jdbc:postgresql://$pghost:$pgport/$db"
# Replicas share the key that encrypts the session cookie; that is all a session needs.
session_key=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
editor=editor$(date +%s)
editor_password="two replicas share one session key"
work=$(mktemp -d /tmp/parallax-two.XXXXXX)
passed=0
failed=0
pid_a=
pid_b=

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -v ON_ERROR_STOP=1 -qAtc "$1"; }

cleanup() {
  set +e
  for pid in $pid_a $pid_b; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  psql_admin "drop database if exists $db with (force)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

check() {
  local name=$1
  shift
  if "$@" > "$work/check.out" 2>&1; then
    passed=$((passed + 1))
    echo "PASS  $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
    sed 's/^/      /' "$work/check.out"
  fi
}

free_port() {
  local p
  for p in $(seq "$1" $(($1 + 50))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "two-instances: no free port from $1" >&2
  exit 1
}

# An instance is the packaged app as an operator runs it: prod profile, configured only by environment.
start_instance() {
  local name=$1 port=$2
  shift 2
  env QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME="$pguser" \
      QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" QUARKUS_HTTP_PORT="$port" \
      QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$session_key" \
      PARALLAX_SEEDS_LOAD_ON_START=false "$@" \
      java -jar "$app_dir/quarkus-run.jar" serve > "$work/$name.log" 2>&1 &
}

wait_ready() {
  local url=$1 pid=$2
  for _ in $(seq 1 180); do
    curl -fsS "$url/q/health/ready" 2>/dev/null | jq -e '.status == "UP"' >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "instance exited"; return 1; }
    sleep 1
  done
  echo "not ready after 180 s"
  return 1
}

if ! $skip_package; then
  (cd "$repo" && ./mvnw -B -q -pl app -am package -DskipTests)
fi
[ -f "$app_dir/quarkus-run.jar" ] || { echo "two-instances: package the app first" >&2; exit 2; }
psql_admin "drop database if exists $db with (force)" >/dev/null

port_a=$(free_port 18710)
url_a="http://127.0.0.1:$port_a"
start_instance a "$port_a"
pid_a=$!
port_b=$(free_port $((port_a + 1)))
url_b="http://127.0.0.1:$port_b"
# B logs JSON, as in the Kubernetes ConfigMap, so the switch is exercised on a real start too.
start_instance b "$port_b" QUARKUS_LOG_CONSOLE_JSON_ENABLED=true
pid_b=$!
echo "instance A: $url_a (pid $pid_a)   instance B: $url_b (pid $pid_b)   database: $db"

both_ready() { wait_ready "$url_a" "$pid_a" && wait_ready "$url_b" "$pid_b"; }
check "A and B start together on one empty database (one runs the migrations, both become ready)" both_ready
if [ $passed -eq 0 ]; then
  tail -n 20 "$work/a.log" "$work/b.log"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- A session made on A is a session on B ------------------------------------------------------
create_editor() {
  env QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_DATASOURCE_USERNAME="$pguser" \
      QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PARALLAX_ADMIN_PASSWORD="$editor_password" \
      java -jar "$app_dir/quarkus-run.jar" create-admin "$editor" > "$work/create-admin.out"
  grep -q "is ready" "$work/create-admin.out"
}
check "an editor account is created with the create-admin command" create_editor

jar="$work/cookies.txt"
log_in_through_a() {
  local location
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
      --data-urlencode "j_username=$editor" --data-urlencode "j_password=$editor_password" "$url_a/j_security_check")
  case "$location" in *error*|"") echo "login through A failed: redirected to '$location'"; return 1 ;; esac
}
check "the editor logs in through instance A" log_in_through_a

session_on_b() {
  curl -fsS -b "$jar" -c "$jar" "$url_b/" > "$work/front-b.html" || { echo "B's front page failed"; return 1; }
  grep -qF "<span class=\"account__name\">$editor</span>" "$work/front-b.html" \
      || { echo "B does not recognise A's session cookie"; return 1; }
}
check "instance B accepts the session cookie that instance A issued" session_on_b

# --- An article uploaded through A is served by B ------------------------------------------------
marker=$(date +%s%N)
headline="Two replicas, one database: check $marker"
cat > "$work/article-$marker.txt" <<EOF
$headline

This article was written through instance A of a two-instance Parallax, marker $marker.

Instance B never saw it arrive; it must serve it all the same, because nothing lives in either process.
EOF
# The login page carries the CSRF token; the page is read whole before it is searched, so no
# stage of a pipeline ends early (under pipefail an early exit fails the pipeline at random).
csrf_token_from_a() {
  local page
  page=$(curl -fsS -b "$jar" -c "$jar" "$url_a/login") || return 1
  sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' <<<"$page" | sed -n 1p
}
upload_through_a() {
  local token
  token=$(csrf_token_from_a)
  [ -n "$token" ] || { echo "no CSRF token on A's pages"; return 1; }
  curl -fsS -b "$jar" -c "$jar" -H "X-CSRF-TOKEN: $token" -F "file=@$work/article-$marker.txt;type=text/plain" \
      "$url_a/api/ingest" | jq -e '.created == 1' >/dev/null
}
check "the editor uploads an article through instance A (POST /api/ingest)" upload_through_a

article_path=
served_by() {
  local url=$1 id
  # The front page lists stories; the article is found by its marker through the search API.
  id=$(curl -fsS "$url/api/search?q=$marker" | jq -r '.hits[0].articleId // empty')
  [ -n "$id" ] || { echo "search on $url does not find marker $marker"; return 1; }
  article_path="/articles/$id"
  curl -fsS "$url$article_path" > "$work/article.html"
  grep -qF "$headline" "$work/article.html" || { echo "$url$article_path lacks the headline"; return 1; }
  grep -qF "marker $marker" "$work/article.html" || { echo "$url$article_path lacks the body"; return 1; }
}
check "instance B finds the new article (search API) and serves its text" served_by "$url_b"
check "instance A serves the same article at the same address" served_by "$url_a"

# --- An annotation written through A is read through B -------------------------------------------
annotated_quote="Instance B never saw it arrive"
# check runs each step in a subshell: what the next step needs goes through files in $work.
annotate_through_a() {
  local token article_id body start annotation_iri
  token=$(csrf_token_from_a)
  [ -n "$token" ] || { echo "no CSRF token on A's pages"; return 1; }
  article_id=$(curl -fsS "$url_a/api/search?q=$marker" | jq -r '.hits[0].articleId // empty')
  [ -n "$article_id" ] || { echo "search on A does not find marker $marker"; return 1; }
  body=$(curl -fsS -b "$jar" "$url_a/api/articles/$article_id" | jq -r '.body') || { echo "no article body from A"; return 1; }
  # The line with the marker becomes the dek; the annotation quotes the body paragraph after it.
  start=$(jq -rn --arg b "$body" --arg q "$annotated_quote" '$b | index($q)')
  [ "$start" != "null" ] || { echo "the quoted sentence is not in the stored body"; return 1; }
  annotation_iri=$(jq -n --arg src "$url_a/articles/$article_id" --arg q "$annotated_quote" --argjson s "$start" \
      '{"@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", visibility: "private",
        body: [{type: "TextualBody", value: "written through A"}, {type: "TextualBody", purpose: "tagging", value: "replica"}],
        target: {source: $src, selector: [{type: "TextQuoteSelector", exact: $q},
                                          {type: "TextPositionSelector", start: $s, end: ($s + ($q | length))}]}}' \
    | curl -fsS -b "$jar" -c "$jar" -H "X-CSRF-TOKEN: $token" -H 'Content-Type: application/ld+json' \
        --data-binary @- "$url_a/api/annotations" | jq -er '.id') || { echo "POST /api/annotations on A failed"; return 1; }
  echo "${annotation_iri##*/}" > "$work/annotation-id"
  echo "$article_id" > "$work/annotated-article"
}
check "the editor annotates the article through instance A (POST /api/annotations)" annotate_through_a

annotation_on_b() {
  local id article_id
  id=$(cat "$work/annotation-id" 2>/dev/null) || { echo "no annotation was written through A"; return 1; }
  article_id=$(cat "$work/annotated-article")
  curl -fsS -b "$jar" "$url_b/api/annotations/$id" \
    | jq -e --arg q "$annotated_quote" '.body[0].value == "written through A" and .target.selector[0].exact == $q' >/dev/null \
    || { echo "B does not return the annotation written through A"; return 1; }
  curl -fsS -b "$jar" "$url_b/articles/$article_id" > "$work/reader-b.html" || { echo "B's reader page failed"; return 1; }
  grep -qF "written through A" "$work/reader-b.html" \
    || { echo "B's reader page lacks the annotation"; return 1; }
}
check "instance B returns that annotation (API and reader page)" annotation_on_b

json_logs() {
  local line
  line=$(grep -m1 '^{' "$work/b.log") || { echo "no JSON line in B's log"; return 1; }
  jq -e '.message and .level and .timestamp' <<<"$line" >/dev/null
}
check "instance B writes JSON log lines when QUARKUS_LOG_CONSOLE_JSON_ENABLED=true" json_logs

# --- A replica going away loses nothing -----------------------------------------------------------
stop_a() {
  local started=$SECONDS
  kill -TERM "$pid_a"
  wait "$pid_a" || true
  pid_a=
  grep -q 'parallax stopped in' "$work/a.log" || { echo "A did not shut down cleanly"; return 1; }
  echo "A stopped in $((SECONDS - started)) s"
}
check "instance A stops gracefully on SIGTERM" stop_a
check "instance B still serves the article after A is gone" served_by "$url_b"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
