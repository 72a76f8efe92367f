#!/usr/bin/env bash
# Groups the whole Reuters-21578 corpus (20,841 articles) through the product path and prints the figures of
# docs/benchmarks.md ("Speed: grouping the whole Reuters corpus" and "assigning one article"): a fresh
# database, migrated by starting Parallax once, the articles stored by ReutersLoader, then `parallax group`:
#   1. all but the last 200 articles, grouped on the main thread while changed stories are aligned beside it
#      (the bulk path);
#   2. the last 200, each grouped and its stories aligned before the next (`--align-threads 0`, the path of a
#      server's assignment worker, StoryService.assign): their per-article times are "one new article into a
#      corpus of 20,641-20,841".
# The whole corpus took the sum of the two "in all" figures.
#   bench/stories/reuters-group.sh [database]        (default parallax_bench_stories, HTTP port 8186)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db=${1:-parallax_bench_stories}
port=${PARALLAX_BENCH_PORT:-8186}
url="jdbc:postgresql://localhost:5432/$db"
single=200
cd "$root"
./mvnw -B -q package -DskipTests -Pbench -pl app,bench -am
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
run() {
    java -Dquarkus.datasource.jdbc.url="$url" -Dparallax.seeds.load-on-start=false -Dquarkus.http.port="$port" \
        -jar app/target/quarkus-app/quarkus-run.jar "$@"
}
# On an empty database `group` has nothing to group: this run only applies the migrations.
run group >/dev/null
./mvnw -q -pl bench -am verify -DskipTests -Pbench -Dbench.main=org.parallax.bench.ReutersLoader -Dbench.args="$url"
total=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from article")
timed() {
    /usr/bin/time -v -o "/tmp/reuters-group-$$.time" java -Dquarkus.datasource.jdbc.url="$url" \
        -Dparallax.seeds.load-on-start=false -Dquarkus.http.port="$port" -jar app/target/quarkus-app/quarkus-run.jar \
        group "$@" | grep --line-buffered -E "articles grouped|Grouped"
    grep -E "Elapsed|User time|System time" "/tmp/reuters-group-$$.time"
}
echo "load average before grouping: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1. the first $((total - single)) articles, stories aligned beside the grouping"
timed --limit $((total - single))
echo "== 2. the last $single, one at a time with their alignment (one new article into a corpus of $((total - single))+)"
timed --align-threads 0
echo "load average after grouping: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select 'stories with articles: ' || count(*) || ', largest ' || max(article_count) from story where article_count > 0" \
    -c "select 'passage links: ' || count(*) from passage_link" \
    -c "select 'stories still marked for alignment: ' || count(distinct story_id) from story_alignment_queue"
rm -f "/tmp/reuters-group-$$.time"
