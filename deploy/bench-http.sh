#!/usr/bin/env bash
# Requests per second of the packaged app for the front page and an article page, with one instance
# and with two instances sharing the database, measured with wrk on loopback only. Bounded: each run
# lasts DURATION seconds (default 20) after a 10 s warm-up. Prints a Markdown table.
#
# Usage: deploy/bench-http.sh JDBC_URL [DURATION]
#   JDBC_URL  a database that already holds the articles to serve (it is only read)
# Needs wrk (apt-get install wrk) and a packaged app (./mvnw -B -q -pl app -am package -DskipTests).
set -euo pipefail

[ $# -ge 1 ] || { sed -n '2,9p' "$0"; exit 2; }
jdbc_url=$1
duration=${2:-20}
repo=$(cd "$(dirname "$0")/.." && pwd)
app_dir=${PARALLAX_APP_DIR:-$repo/app/target/quarkus-app}
command -v wrk >/dev/null || { echo "bench-http: install wrk first (apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d /tmp/parallax-bench.XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

start() {
  local port=$1
  QUARKUS_DATASOURCE_JDBC_URL="$jdbc_url" QUARKUS_HTTP_PORT="$port" PARALLAX_SEEDS_LOAD_ON_START=false \
    java -jar "$app_dir/quarkus-run.jar" serve > "$work/$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "bench-http: instance on $port not ready" >&2
  exit 1
}

# requests/s and latency percentiles of one wrk run: 2 threads, 16 connections.
measure() {
  local out
  out=$(mktemp "$work/wrk.XXXXXX")
  wrk -t2 -c16 -d"${duration}s" --latency "$@" > "$out"
  awk '/Requests\/sec/ {rps=$2} / 99%/ {p99=$2} / 50%/ {p50=$2} /Non-2xx/ {bad=$NF}
       END {printf "%.0f req/s, p50 %s, p99 %s%s", rps, p50, p99, (bad ? ", NON-2XX " bad : "")}' "$out"
}

start 18791
article=$(curl -fsS http://127.0.0.1:18791/ | grep -o 'href="/articles/[0-9]*"' | head -1 | cut -d'"' -f2)
articles=$(curl -fsS http://127.0.0.1:18791/ | grep -o '[0-9]* articles, newest first' | cut -d' ' -f1)
for path in / "$article"; do wrk -t2 -c16 -d10s "http://127.0.0.1:18791$path" > /dev/null; done

echo "| setup ($articles articles, $(nproc) cores, load average before: $(cut -d' ' -f1 /proc/loadavg)) | \`/\` | \`$article\` |"
echo "|---|---|---|"
echo "| one instance | $(measure http://127.0.0.1:18791/) | $(measure "http://127.0.0.1:18791$article") |"

start 18792
for path in / "$article"; do wrk -t2 -c16 -d10s "http://127.0.0.1:18792$path" > /dev/null; done
both() {
  local path=$1
  measure "http://127.0.0.1:18791$path" > "$work/a.txt" &
  local a=$!
  measure "http://127.0.0.1:18792$path" > "$work/b.txt"
  wait $a
  echo "A: $(cat "$work/a.txt"); B: $(cat "$work/b.txt")"
}
echo "| two instances, loaded at once | $(both /) | $(both "$article") |"
