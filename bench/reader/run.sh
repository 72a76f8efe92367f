#!/usr/bin/env bash
# Reader pages under load: wrk with 16 connections against the packaged jar on localhost, seeds loaded.
# Measures /ping (the cheapest endpoint, for scale), the home page, a story overview and the compare page
# of the seed story (BuzzFeed News beside The Jerusalem Post), one after the other in the same run.
#   bench/reader/run.sh [DURATION]       (default 30s per page; build first: ./mvnw -B -pl app -am package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
db=${PARALLAX_BENCH_DB:-parallax_bench_reader}
port=${PARALLAX_BENCH_PORT:-8181}
duration=${1:-30s}
connections=16
threads=2
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
jar="$root/app/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "no packaged app: ./mvnw -B -pl app -am package -DskipTests" >&2; exit 2; }

log=$(mktemp)
# The app creates the database if missing, migrates it and loads the five seeds on start.
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" QUARKUS_HTTP_PORT=$port \
  java ${PARALLAX_BENCH_JAVA_OPTS:-} -jar "$jar" serve >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { cat "$log"; exit 1; }

q() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }
buzzfeed=$(q "select a.id from article a join source_document d on d.id = a.source_document_id where d.origin = 'seed:000_ed82de3322cf4176.txt'")
jpost=$(q "select a.id from article a join source_document d on d.id = a.source_document_id where d.origin = 'seed:003_67f9020dfa8c06b0.txt'")
story=$(q "select story_id from article where id = $buzzfeed")
base="http://127.0.0.1:$port"
pages=("/ping" "/" "/stories/$story" "/stories/$story/compare?articles=$buzzfeed,$jpost")
echo "stories: $(q 'select count(*) from story where article_count > 0'), articles: $(q 'select count(*) from article')"
echo "cpus: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up: JIT and the story snapshot cache, 10 s of load per page.
for path in "${pages[@]}"; do
  curl -fs -o /dev/null "$base$path"
  wrk -t$threads -c$connections -d10s "$base$path" >/dev/null
done
for path in "${pages[@]}"; do
  bytes=$(curl -fs "$base$path" | wc -c)
  line=$(wrk -t$threads -c$connections -d"$duration" -s "$here/report.lua" "$base$path" | grep '^RESULT')
  echo "$path bytes=$bytes ${line#RESULT }"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
