#!/usr/bin/env bash
# Builds the search benchmark corpus in its own database: Reuters-21578 and the seeds through the real
# ingest path, then copies of it with shifted dates and distinct ids up to TARGET articles.
#   bench/search/load-corpus.sh [TARGET]             (default 100000; drops and rebuilds the database)
#   bench/search/load-corpus.sh --replicate TARGET   only tops an ingested database up to TARGET articles
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db=${PARALLAX_BENCH_DB:-parallax_bench_search}
data=${REUTERS_DIR:-$root/../shared/data/reuters21578}
psql_db() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt -d "$db" "$@"; }
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db"

if [ "${1:-}" != --replicate ]; then
  target=${1:-100000}
  [ -d "$data" ] || { echo "Reuters-21578 not found at $data (set REUTERS_DIR)" >&2; exit 2; }
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)"
  start=$(date +%s)
  "$root/parallax" ingest "$root/seeds/src/main/resources/seeds" | tail -n 1
  "$root/parallax" ingest "$data" | tail -n 1 || true   # exit 1: some Reuters records have no text
  echo "ingest: $(( $(date +%s) - start )) s for $(psql_db -c 'select count(*) from article') articles"
else
  target=$2
fi
start=$(date +%s)
psql_db -v target="$target" -f "$root/bench/search/replicate.sql"
psql_db -c 'vacuum analyze'
echo "replicate: $(( $(date +%s) - start )) s; articles now $(psql_db -c 'select count(*) from article')"
