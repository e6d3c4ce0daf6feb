#!/usr/bin/env bash
# Load test of the staff-survey submit path, the portal's busiest (`make bench`).
# Starts the packaged portal on a bench database of the same MariaDB, sends survey answers from 200
# concurrent connections with wrk, and measures the raw single-row insert rate of that MariaDB as the
# ceiling. Writes target/bench/survey.json and prints the figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=target/bench
mkdir -p "$OUT"
CONNECTIONS="${BENCH_CONNECTIONS:-200}"
THREADS="${BENCH_THREADS:-2}"
DURATION="${BENCH_DURATION:-20}"
PORT="${BENCH_PORT:-18080}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19080}"   # health and metrics
BODIES_COUNT="${BENCH_BODIES_COUNT:-300000}"
WARMUP="${BENCH_WARMUP:-20}"
RAW_QUERIES="${BENCH_RAW_QUERIES:-60000}"
RAW_ITERATIONS="${BENCH_RAW_ITERATIONS:-3}"
RAW_CONCURRENCY="${BENCH_RAW_CONCURRENCY:-20}"
DB_NAME="${BENCH_DB_NAME:-s11bench}"
KEY="dev-only-survey-nonce-key-change-me-in-production"
CSRF="YmVuY2gtY3NyZi10b2tlbg"   # base64url of 16 bytes, as quarkus-rest-csrf expects
TOKEN="demo-solent-wessex-police-service"

source deploy/bench/common.sh
SLAP="$(command -v mariadb-slap || command -v mysqlslap || true)"

[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B --no-transfer-progress -q -DskipTests package
sql -e "DROP DATABASE IF EXISTS $DB_NAME"

echo "bench: starting the portal on port $PORT (database $DB_NAME)" >&2
# All of wrk's connections come from 127.0.0.1: lift the per-address survey limit (SurveySubmitLimit), which
# would otherwise answer most of them 429; the limit's own cost per request is still measured.
S11_SURVEY_SUBMIT_BURST=1000000000 S11_SURVEY_SUBMITS_PER_MINUTE=1000000000 \
S11_DB_NAME=$DB_NAME PORT=$PORT S11_MANAGEMENT_PORT=$MANAGEMENT_PORT java -Xmx256m ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -Dquarkus.log.level=WARN \
  -Dquarkus.log.category.\"org.s11portal\".level=WARN -jar target/quarkus-app/quarkus-run.jar >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; sql -e "DROP DATABASE IF EXISTS $DB_NAME; DROP DATABASE IF EXISTS ${DB_NAME}_raw" || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/survey/$TOKEN" >/dev/null

echo "bench: preparing $BODIES_COUNT form bodies with one-time nonces" >&2
java "$ROOT/deploy/bench/SurveyBenchBodies.java" "$KEY" "$TOKEN" "$CSRF" "$BODIES_COUNT" >"$OUT/bodies.txt"

# Warm the JIT (on 2 cores it compiles for most of the first minute) and the connection pool. Then remove
# the warm-up's answers, so that the measured run starts, like the ceiling below, from an empty table.
echo "bench: warming up for ${WARMUP}s" >&2
BENCH_BODIES="$OUT/bodies.txt" BENCH_CSRF="$CSRF" BENCH_THREADS=$THREADS \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s deploy/bench/survey.lua "http://127.0.0.1:$PORT/survey/$TOKEN" >/dev/null
java "$ROOT/deploy/bench/SurveyBenchBodies.java" "$KEY" "$TOKEN" "$CSRF" "$BODIES_COUNT" >"$OUT/bodies.txt"
sql -e "TRUNCATE TABLE $DB_NAME.survey_response; TRUNCATE TABLE $DB_NAME.survey_nonce_used; TRUNCATE TABLE $DB_NAME.survey_uptake"
BEFORE=$(sql -N -e "SELECT COUNT(*) FROM $DB_NAME.survey_response")

echo "bench: $CONNECTIONS connections for ${DURATION}s" >&2
BENCH_BODIES="$OUT/bodies.txt" BENCH_CSRF="$CSRF" BENCH_THREADS=$THREADS \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s deploy/bench/survey.lua \
  "http://127.0.0.1:$PORT/survey/$TOKEN" | tee "$OUT/wrk.txt" >&2
AFTER=$(sql -N -e "SELECT COUNT(*) FROM $DB_NAME.survey_response")
STORED=$((AFTER - BEFORE))

to_ms() { # wrk prints 1.23ms, 850.00us or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000; printf "%.2f", n }'
}
P50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")")
P99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")")
RPS=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
ERRORS=$(awk '/Non-2xx or 3xx/ {print $5}' "$OUT/wrk.txt"); ERRORS=${ERRORS:-0}
SUBMITS=$(awk -v s="$STORED" -v d="$DURATION" 'BEGIN { printf "%.1f", s / d }')

echo "bench: raw single-row insert ceiling ($RAW_QUERIES inserts, $RAW_CONCURRENCY connections like the app's pool, average of $RAW_ITERATIONS runs)" >&2
RAW_SECONDS=$(MYSQL_PWD="$S11_DB_PASSWORD" "$SLAP" --no-defaults --protocol=TCP -h "$S11_DB_HOST" -P "$S11_DB_PORT" -u "$S11_DB_USER" \
  --create-schema=${DB_NAME}_raw --concurrency="$RAW_CONCURRENCY" --iterations="$RAW_ITERATIONS" --number-of-queries="$RAW_QUERIES" \
  --create="CREATE TABLE raw_insert (id CHAR(32) PRIMARY KEY, agency_id BIGINT, answered_on DATE, q1 VARCHAR(12), q2 VARCHAR(12)) ENGINE=InnoDB" \
  --query="INSERT INTO raw_insert VALUES (REPLACE(UUID(),'-',''), 1, CURDATE(), 'YES', 'A')" \
  | awk '/Average number of seconds to run all queries/ {print $(NF-1)}')
RAW=$(awk -v q="$RAW_QUERIES" -v s="$RAW_SECONDS" 'BEGIN { printf "%.1f", q / s }')
RATIO=$(awk -v a="$SUBMITS" -v b="$RAW" 'BEGIN { printf "%.2f", a / b }')

cat >"$OUT/survey.json" <<JSON
{
  "measured_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB",
  "connections": $CONNECTIONS,
  "warmup_seconds": $WARMUP,
  "duration_seconds": $DURATION,
  "submissions_stored": $STORED,
  "submissions_per_second": $SUBMITS,
  "requests_per_second": $RPS,
  "non_2xx_3xx_responses": $ERRORS,
  "latency_p50_ms": $P50,
  "latency_p99_ms": $P99,
  "raw_insert_concurrency": $RAW_CONCURRENCY,
  "raw_inserts_per_second": $RAW,
  "ratio_to_raw_insert_rate": $RATIO,
  "targets": { "ratio_at_least": 0.5, "latency_p99_ms_below": 100 }
}
JSON
cat "$OUT/survey.json"
echo "bench: $SUBMITS submissions/s stored vs $RAW raw inserts/s = ratio $RATIO; p50 ${P50} ms, p99 ${P99} ms"
