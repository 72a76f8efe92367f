#!/usr/bin/env bash
# Builds the Parallax container image and proves that it runs, on a machine with no Docker engine and
# no container registry: podman (vfs storage, runc) builds a JRE 17 base image from Debian packages,
# builds deploy/Containerfile on it, starts the image against the local PostgreSQL and checks health,
# the seeded front page, metrics, the built-in HEALTHCHECK, the non-root user and a graceful stop.
# Removes what it created; the base image is kept for the next run unless --remove-base.
#
# Usage: deploy/verify-image.sh [--remove-base] [--rebuild-base] [--skip-package]
# Environment:
#   PARALLAX_PODMAN_ROOT  podman storage for this script (default /var/tmp/parallax-podman)
#   PARALLAX_IMAGE_DB     database the container uses, dropped before and after (default parallax_image)
#   PGHOST, PGPORT, PGUSER PostgreSQL to run against (default 127.0.0.1, 5432, postgres; trust or PGPASSWORD)
#   DEBIAN_MIRROR         mirror for debootstrap (default: debootstrap's own)
# Needs root (debootstrap and rootful podman).
set -euo pipefail

remove_base=false
rebuild_base=false
skip_package=false
for arg in "$@"; do
  case "$arg" in
    --remove-base) remove_base=true ;;
    --rebuild-base) rebuild_base=true ;;
    --skip-package) skip_package=true ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "verify-image: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
store=${PARALLAX_PODMAN_ROOT:-/var/tmp/parallax-podman}
db=${PARALLAX_IMAGE_DB:-parallax_image}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
base_image=localhost/parallax-base:bookworm-jre17
app_image=localhost/parallax:verify-$$
container=parallax-verify-$$
started=$SECONDS
work=$(mktemp -d /var/tmp/parallax-verify.XXXXXX)

step() { printf '\n== %s (%ds)\n' "$1" $((SECONDS - started)); }
fail() { echo "verify-image: FAILED: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
  fail "run as root: debootstrap and rootful podman need it"
fi

step "Tools"
missing=()
for tool in podman:podman runc:runc debootstrap:debootstrap curl:curl jq:jq psql:postgresql-client; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
podman --version

# No registry and no systemd here: default_ulimits would ask for limits podman cannot set in this
# sandbox; vfs needs no overlay support from the kernel; runc is the runtime Debian's podman knows.
cat > "$work/containers.conf" <<'EOF'
[containers]
default_ulimits = []
EOF
export CONTAINERS_CONF="$work/containers.conf"
pm() { podman --root "$store/storage" --runroot "$store/run" --storage-driver vfs --runtime runc "$@"; }

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -v ON_ERROR_STOP=1 -qAtc "$1"; }

cleanup() {
  local status=$?
  set +e
  if [ $status -ne 0 ] && pm container exists "$container" 2>/dev/null; then
    echo "---- container log (last 60 lines) ----" >&2
    pm logs --tail 60 "$container" >&2
  fi
  pm rm -f -t 0 "$container" >/dev/null 2>&1
  pm rmi -f "$app_image" >/dev/null 2>&1
  if $remove_base; then
    pm rmi -f "$base_image" >/dev/null 2>&1
  fi
  psql_admin "drop database if exists $db with (force)" >/dev/null 2>&1
  rm -rf "$work"
  echo "verify-image: cleaned up (base image $($remove_base && echo removed || echo "kept: $base_image"))"
  echo "verify-image: $([ $status -eq 0 ] && echo PASSED || echo FAILED) in $((SECONDS - started)) s"
}
trap cleanup EXIT

psql_admin "select 1" >/dev/null || fail "PostgreSQL is not reachable at $pghost:$pgport as $pguser"

step "Base image $base_image"
if $rebuild_base; then
  pm rmi -f "$base_image" >/dev/null 2>&1 || true
fi
if pm image exists "$base_image"; then
  echo "cached; --rebuild-base to build it again"
else
  rootfs="$work/rootfs"
  # bash is in minbase (the HEALTHCHECK uses it); no curl, so the image proves it needs none.
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" ${DEBIAN_MIRROR:-} \
    > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
         "$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/locale
  tar -C "$rootfs" -c . | pm import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'CMD ["/bin/bash"]' \
    - "$base_image" >/dev/null
  rm -rf "$rootfs"
fi
java_version=$(pm run --rm --no-healthcheck --network host "$base_image" java -version 2>&1) || fail "java does not run in $base_image"
echo "${java_version%%$'\n'*}"

step "Application (Maven package)"
if $skip_package; then
  echo "skipped (--skip-package)"
else
  (cd "$repo" && ./mvnw -B -q -pl app -am package -DskipTests)
fi
app_dir="$repo/app/target/quarkus-app"
[ -f "$app_dir/quarkus-run.jar" ] || fail "$app_dir/quarkus-run.jar missing: package the app first"
app_jar=$(cd "$app_dir/app" && ls parallax-app-*.jar | head -1)
version=${app_jar#parallax-app-}
version=${version%.jar}

step "App image $app_image (version $version)"
pm build --layers=false --format docker --network host --pull=never \
  -f "$repo/deploy/Containerfile" \
  --build-arg BASE_IMAGE="$base_image" \
  --build-arg VERSION="$version" \
  --build-arg REVISION="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)" \
  -t "$app_image" "$app_dir" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; fail "podman build"; }
pm image inspect "$app_image" > "$work/inspect.json"
jq -e --arg v "$version" '.[0].Config.Labels["org.opencontainers.image.version"] == $v' "$work/inspect.json" >/dev/null \
  || fail "label org.opencontainers.image.version is not $version"
for label in source licenses revision; do
  jq -e --arg l "org.opencontainers.image.$label" '.[0].Config.Labels[$l] | length > 0' "$work/inspect.json" >/dev/null \
    || fail "label org.opencontainers.image.$label missing"
done
[ "$(jq -r '.[0].Config.User' "$work/inspect.json")" = 185 ] || fail "image does not run as uid 185"
jq -e '.[0].Healthcheck.Test | length > 0' "$work/inspect.json" >/dev/null || fail "no HEALTHCHECK in the image"
echo "labels, non-root user and HEALTHCHECK present; size $(pm image inspect --format '{{.Size}}' "$app_image" | numfmt --to=iec)"

step "Run against PostgreSQL database $db"
port=
for candidate in $(seq 18650 18700); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || fail "no free port in 18650-18700"
psql_admin "drop database if exists $db with (force)" >/dev/null
# The app creates the missing database itself (DatabasePreflight), so this also checks that path.
# --read-only as in the Kubernetes manifests (podman mounts a tmpfs on /tmp).
# No systemd here to run the HEALTHCHECK on a timer; it is run once by hand below.
pm run -d --name "$container" --network host --health-interval disable --read-only \
  -e QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pghost:$pgport/$db" \
  -e QUARKUS_DATASOURCE_USERNAME="$pguser" \
  -e QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  -e QUARKUS_HTTP_PORT="$port" \
  "$app_image" > /dev/null 2> "$work/run.err" || { cat "$work/run.err" >&2; fail "podman run"; }
url="http://127.0.0.1:$port"
ready=false
for _ in $(seq 1 180); do
  if curl -fsS "$url/q/health/ready" 2>/dev/null | jq -e '.status == "UP"' >/dev/null 2>&1; then ready=true; break; fi
  [ "$(pm inspect --format '{{.State.Running}}' "$container")" = true ] || fail "container exited"
  sleep 1
done
$ready || fail "/q/health/ready not UP after 180 s"
echo "ready at $url after $((SECONDS - started)) s of the run"
curl -fsS "$url/q/health/live" | jq -e '.status == "UP"' >/dev/null || fail "/q/health/live not UP"

step "Seeded front page"
# The headlines ingest should have stored: ask the image's own `extract` command about the seed files.
pm run --rm --no-healthcheck --network host -v "$repo/seeds/src/main/resources/seeds:/seeds:ro,Z" "$app_image" extract --json /seeds \
  > "$work/seeds.jsonl"
[ "$(wc -l < "$work/seeds.jsonl")" -eq 5 ] || fail "expected 5 seed extractions, got $(wc -l < "$work/seeds.jsonl")"
# The front page lists stories: the seeds make two (the 2020 coverage and the 2017 talks), holding all five
# seed headlines between them, and each story's title is on the page.
curl -fsS "$url/" > "$work/front.html"
grep -q '2 stories' "$work/front.html" || fail "front page does not count 2 stories"
curl -fsS "$url/api/stories?size=100" > "$work/stories.json"
while IFS= read -r headline; do
  jq -e --arg h "$headline" '[.stories[].articles[].headline] | index($h) != null' "$work/stories.json" >/dev/null \
    || fail "no story holds seed headline: $headline"
done < <(jq -r '.headline' "$work/seeds.jsonl")
while IFS= read -r title; do
  grep -qF ">$title</a>" "$work/front.html" || fail "front page lacks story title: $title"
done < <(jq -r '.stories[].title | gsub("&";"&amp;") | gsub("<";"&lt;") | gsub(">";"&gt;") | gsub("\"";"&quot;") | gsub("'"'"'";"&#39;")' "$work/stories.json")
first_story=$(grep -o 'href="/stories/[0-9]*"' "$work/front.html" | head -1 | cut -d'"' -f2)
curl -fsS "$url$first_story" > "$work/story.html" || fail "$first_story does not open"
first_article=$(grep -o 'href="/articles/[0-9]*"' "$work/story.html" | head -1 | cut -d'"' -f2)
curl -fsS -o /dev/null "$url$first_article" || fail "$first_article does not open"
echo "front page lists the 2 seed stories holding the 5 seed headlines; $first_story and $first_article open"

step "Operations endpoints"
curl -fsS "$url/q/metrics" > "$work/metrics.txt"
grep -q '^parallax_articles_ingested_total 5.0' "$work/metrics.txt" || fail "metrics: parallax_articles_ingested_total is not 5"
grep -q '^http_server_requests_seconds_count{.*uri="/articles/{id}"' "$work/metrics.txt" \
  || fail "metrics: no request timings for /articles/{id}"
# Each body goes to a file before grep reads it: `curl | grep -q` under pipefail fails at random
# when grep exits on its first match and curl is still writing (curl: (23)).
curl -fsS "$url/q/openapi" > "$work/openapi.yaml" || fail "/q/openapi"
grep -q '^openapi: 3' "$work/openapi.yaml" || fail "/q/openapi is not an OpenAPI 3 document"
curl -fsS "$url/q/swagger-ui/" > "$work/swagger.html" || fail "/q/swagger-ui"
grep -qi 'swagger' "$work/swagger.html" || fail "/q/swagger-ui does not serve Swagger UI"
pm healthcheck run "$container" >/dev/null || fail "the image's HEALTHCHECK reports unhealthy"
[ "$(pm exec "$container" id -u)" = 185 ] || fail "process does not run as uid 185"
echo "metrics, OpenAPI, Swagger UI, HEALTHCHECK and uid 185 verified"

step "Graceful stop"
stop_started=$SECONDS
pm stop -t 40 "$container" >/dev/null 2> "$work/stop.err" || { cat "$work/stop.err" >&2; fail "podman stop"; }
pm logs "$container" > "$work/container.log" 2>&1 || true
grep -q 'parallax stopped in' "$work/container.log" || fail "no clean Quarkus shutdown in the log"
echo "stopped cleanly in $((SECONDS - stop_started)) s (pre-shutdown delay included)"
