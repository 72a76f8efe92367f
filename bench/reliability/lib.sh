# Shared helpers for the reliability scenarios (sourced, not run). Loopback only; every process a
# scenario starts is recorded and stopped by its own id when the scenario ends.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar=${PARALLAX_JAR:-$root/app/target/quarkus-app/quarkus-run.jar}
pg_host=${PGHOST:-127.0.0.1}
pg_port=${PGPORT:-5432}
export PGPORT=$pg_port
work=${RELIAB_WORK:-$(mktemp -d /tmp/parallax-reliab.XXXXXX)}
mkdir -p "$work"
started_pids=()

[ -f "$jar" ] || { echo "no packaged application at $jar: run ./mvnw -B -pl app -am package -DskipTests" >&2; exit 2; }

psql_on() { local db=$1; shift; psql -h "$pg_host" -U postgres -v ON_ERROR_STOP=1 -qAt -d "$db" "$@"; }
fresh_db() { psql -h "$pg_host" -U postgres -qc "drop database if exists $1 with (force)" -c "create database $1" >/dev/null; }
drop_db() { psql -h "$pg_host" -U postgres -qc "drop database if exists $1 with (force)" >/dev/null; }

# parallax COMMAND... against database $db (the caller sets it), extra JVM options in $java_opts.
parallax_cli() {
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/$db" \
    java ${java_opts:-} -jar "$jar" "$@"
}

# start_app DB PORT LOG: serves DB on PORT in the background; sets $app_pid.
start_app() {
  local database=$1 port=$2 log=$3
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/$database" QUARKUS_HTTP_PORT=$port \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=${QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY:-reliability-run-session-key-0123456789} \
    java ${java_opts:-} -jar "$jar" serve >"$log" 2>&1 &
  app_pid=$!
  started_pids+=("$app_pid")
  wait_ready "$port" 180 || { echo "the app on port $port did not become ready; log:" >&2; tail -n 40 "$log" >&2; return 1; }
}

wait_ready() {
  local port=$1 limit=${2:-60}
  for _ in $(seq 1 $((limit * 5))); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0
    sleep 0.2
  done
  return 1
}

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  for pid in "${started_pids[@]:-}"; do [ -n "$pid" ] && stop_pid "$pid"; done
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# synthetic_corpus DIR N: N distinct plain-text articles, for machines without Reuters-21578.
synthetic_corpus() {
  python3 - "$1" "$2" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
rng = random.Random(21578)
# A large made-up vocabulary, so that the articles are unrelated and do not all join one story.
words = sorted({"".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
                for _ in range(20000)})
for i in range(n):
    paras = [" ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(rng.randint(3, 8))]
    with open(os.path.join(out, "article-%05d.txt" % i), "w") as f:
        f.write("Synthetic wire report %d on %s\n\nBy Staff Writer\n\n%s\n" % (i, rng.choice(words), "\n\n".join(paras)))
PY
}
