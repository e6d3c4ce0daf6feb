#!/usr/bin/env bash
# Issue 11's bench (`make bench`, after the pages bench): the letters of a 300-agency joint panel made and issued
# with 1, 2 and 4 threads, then the panel's agenda page and a 36-question item page under wrk (50 connections,
# signed in as a moderator, 20 s warm-up + 20 s measured). It is a @QuarkusTest (src/test/java/org/s11portal/panel/
# LettersBench.java) that builds its records through the fixtures and the pages on a fresh test database of the same
# MariaDB. Heap 1 GB (BENCH_LETTERS_HEAP): at 256 MB, as the pages bench runs the packaged portal, 50 moderators
# on the item page or the 300-item agenda run the heap out (docs/performance.md). Writes target/bench/letters.json. Knobs:
# BENCH_AGENCIES, BENCH_DURATION, BENCH_WARMUP, BENCH_PAGES_CONNECTIONS, BENCH_THREADS, BENCH_LETTERS_HEAP.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source deploy/bench/common.sh
mkdir -p target/bench
echo "bench: letters and panel pages (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
mvn -B --no-transfer-progress -q test -Dtest=LettersBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx${BENCH_LETTERS_HEAP:-1g}" \
  -Dbench.agencies="${BENCH_AGENCIES:-300}" -Dbench.duration="${BENCH_DURATION:-20}" -Dbench.warmup="${BENCH_WARMUP:-20}" \
  -Dbench.connections="${BENCH_PAGES_CONNECTIONS:-50}" -Dbench.threads="${BENCH_THREADS:-2}" \
  >target/bench/letters-bench.log 2>&1 || { grep -E "^bench:|ERROR|FAIL" target/bench/letters-bench.log >&2; exit 1; }
grep -E "^bench:|letters-issued" target/bench/letters-bench.log | sed 's/^.*letters-issued/bench: letters-issued/' >&2
cat target/bench/letters.json
