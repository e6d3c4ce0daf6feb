#!/usr/bin/env bash
# Load test of the portal's pages (`make bench`, after the survey submit bench).
# Starts the packaged portal with demo data and a 256 MB heap on its own bench database of the same MariaDB,
# signs in as the Hampshire demo moderator through the real sign-in form (curl), then measures each page with
# wrk: 20 s of warm-up and 20 s measured per page, 50 connections (the staff survey form 200, as anonymous
# staff answer it). A whole respondent (the form, then its submit) is measured as one figure. Writes
# target/bench/pages.json and prints the figures. Knobs: BENCH_PAGES_CONNECTIONS, BENCH_SURVEY_CONNECTIONS,
# BENCH_DURATION, BENCH_WARMUP, BENCH_THREADS, BENCH_PORT, BENCH_DB_NAME, BENCH_HEAP, BENCH_JAVA_OPTS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=target/bench
mkdir -p "$OUT"
CONNECTIONS="${BENCH_PAGES_CONNECTIONS:-50}"
SURVEY_CONNECTIONS="${BENCH_SURVEY_CONNECTIONS:-200}"
THREADS="${BENCH_THREADS:-2}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-20}"
PORT="${BENCH_PORT:-18090}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19090}"   # health and metrics
DB_NAME="${BENCH_DB_NAME:-s11bench_pages}"
HEAP="${BENCH_HEAP:-256m}"
APP_JAR="${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}"   # another build, e.g. a copy of the one before a change
TIMEOUT="${BENCH_TIMEOUT:-10s}"   # wrk leaves answers slower than this out of its latencies: keep it well above p99
EMAIL="hampshire.moderator@demo.s11portal.example"
# The standard page is a draft's edit form, shown only to the agency's own leads: a moderator asking for it is sent
# (303) to the read-only view. The lead of assessment 1's agency is signed in to measure the page itself.
LEAD_EMAIL="lead.solent-wessex-police-service@demo.s11portal.example"
PASSWORD='Demo-Portal-2026!'
TOKEN="demo-solent-wessex-police-service"
BASE="http://127.0.0.1:$PORT"
# One valid answer to every question (the same answers as SurveyBenchBodies.java).
ANSWERS="roleBand=FRONTLINE&worksWith=BOTH"
for q in $(seq 1 14); do
  case $q in 13) v=PROCEDURES ;; 4|6|8|10|11) v=A ;; *) v=YES ;; esac
  ANSWERS="$ANSWERS&q$q=$v"
done

source deploy/bench/common.sh

[ -f "$APP_JAR" ] || mvn -B --no-transfer-progress -q -DskipTests package
sql -e "DROP DATABASE IF EXISTS $DB_NAME"

echo "bench: starting the portal on port $PORT (database $DB_NAME, heap $HEAP)" >&2
# Every wrk connection comes from 127.0.0.1: lift the per-address survey limit as survey-bench.sh does.
S11_SURVEY_SUBMIT_BURST=1000000000 S11_SURVEY_SUBMITS_PER_MINUTE=1000000000 \
S11_DB_NAME=$DB_NAME PORT=$PORT S11_MANAGEMENT_PORT=$MANAGEMENT_PORT java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -Dquarkus.log.level=WARN \
  -Dquarkus.log.category.\"org.s11portal\".level=WARN -jar "$APP_JAR" >"$OUT/pages-app.log" 2>&1 &
APP=$!
JAR_DIR="$(mktemp -d)"
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$JAR_DIR"; sql -e "DROP DATABASE IF EXISTS $DB_NAME" || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { cat "$OUT/pages-app.log" >&2; echo "bench: the portal did not start" >&2; exit 1; }
  sleep 1
done

# Sign in through the real form: the sign-in page issues the CSRF cookie and field, the POST opens the session.
# Prints the Cookie header of the signed-in browser.
sign_in() {
  local jar="$JAR_DIR/$1" page field value status session csrf
  page="$(curl -fs -c "$jar" "$BASE/sign-in")"
  field="$(sed -n 's/.*<input type="hidden" name="\([^"]*\)" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)"
  value="$(sed -n 's/.*<input type="hidden" name="\([^"]*\)" value="\([^"]*\)".*/\2/p' <<<"$page" | head -1)"
  status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -H "Origin: $BASE" \
    --data-urlencode "$field=$value" --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "next=/home" "$BASE/sign-in")"
  session="$(awk '$6 == "s11_session" {print $7}' "$jar" | tail -1)"
  csrf="$(awk '$6 == "csrf-token" {print $7}' "$jar" | tail -1)"
  if [ "$status" != 303 ] || [ -z "$session" ]; then
    echo "bench: signing in as $1 failed (HTTP $status)" >&2; return 1
  fi
  echo "Cookie: s11_session=$session; csrf-token=$csrf"
}
SIGNED_IN="$(sign_in "$EMAIL")"
LEAD="$(sign_in "$LEAD_EMAIL")"

# name|path|who (anonymous, moderator, lead)|connections|status|text the answer must contain (checked once with curl
# before it is measured: a page that had turned into a redirect or an error would otherwise be measured as fast).
# Demo ids: assessment 1 is Solent & Wessex Police Service's draft (29 answers) in the live cycle, assessment 2
# Wessex Community Health NHS Trust's submitted version (36 answers); both agencies are in the moderator's scope.
PAGES=(
  "accessibility_anonymous|/accessibility|anonymous|$CONNECTIONS|200|Accessibility statement"
  "accessibility_signed_in|/accessibility|moderator|$CONNECTIONS|200|Sign out"
  "home|/home|moderator|$CONNECTIONS|200|Sign out"
  "standard_1_S1_moderator_redirect|/assessments/1/standards/S1|moderator|$CONNECTIONS|303|/assessments/1/view#standard-S1"
  "standard_1_S1_lead|/assessments/1/standards/S1|lead|$CONNECTIONS|200|Save and continue"
  "view_2|/assessments/2/view|moderator|$CONNECTIONS|200|Sign out"
  "survey_form|/survey/$TOKEN|anonymous|$SURVEY_CONNECTIONS|200|Send my answers"
)

to_ms() { # wrk prints 1.23ms, 850.00us or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000; printf "%.2f", n }'
}
load() { awk '{print $1}' /proc/loadavg; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP/status"; }
JSON_PAGES=""
declare -A RPS
measure() { # name url connections who [wrk options...]
  local name=$1 url=$2 conns=$3 who=$4; shift 4
  wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" --timeout "$TIMEOUT" "$@" "$url" >/dev/null
  local before; before=$(load)
  wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --timeout "$TIMEOUT" --latency "$@" "$url" >"$OUT/wrk-$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%.1f", $2}' "$OUT/wrk-$name.txt")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk-$name.txt")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk-$name.txt")")
  errors=$(awk '/Non-2xx or 3xx/ {print $5}' "$OUT/wrk-$name.txt"); errors=${errors:-0}
  timeouts=$(awk '/Socket errors/ {gsub(",", ""); print $NF}' "$OUT/wrk-$name.txt"); timeouts=${timeouts:-0}
  RPS[$name]=$rps
  echo "bench: $name: $rps/s, p50 $p50 ms, p99 $p99 ms, non-2xx/3xx $errors, timeouts $timeouts, load average $before" >&2
  JSON_PAGES="$JSON_PAGES${JSON_PAGES:+,}
    \"$name\": { \"path\": \"${url#"$BASE"}\", \"as\": \"$who\", \"connections\": $conns, \"pages_per_second\": $rps, \"latency_p50_ms\": $p50, \"latency_p99_ms\": $p99, \"non_2xx_3xx\": $errors, \"timeouts\": $timeouts, \"load_average_1m\": $before }"
}

for entry in "${PAGES[@]}"; do
  IFS='|' read -r name path who conns status expect <<<"$entry"
  headers=()
  case $who in moderator) headers=(-H "$SIGNED_IN") ;; lead) headers=(-H "$LEAD") ;; esac
  body="$(curl -s -D - -w '\n%{http_code}' "${headers[@]}" "$BASE$path")"
  if [ "$(tail -1 <<<"$body")" != "$status" ] || ! grep -qF "$expect" <<<"$body"; then
    echo "bench: $path ($who) did not answer $status with \"$expect\"" >&2; exit 1
  fi
  echo "bench: $name ($path), $conns connections, ${WARMUP}s warm-up + ${DURATION}s" >&2
  measure "$name" "$BASE$path" "$conns" "$who" "${headers[@]}"
done

# A whole respondent: GET the form (no cookie, like a first visit), then POST its answers with that form's CSRF
# token and nonce. Respondents per second = submits answered 303 / duration; stored rows are counted as well.
echo "bench: whole respondents (form, then submit), $SURVEY_CONNECTIONS connections" >&2
export BENCH_ANSWERS="$ANSWERS"
wrk -t"$THREADS" -c"$SURVEY_CONNECTIONS" -d"${WARMUP}s" --timeout "$TIMEOUT" -s deploy/bench/respondent.lua "$BASE/survey/$TOKEN" >/dev/null
MID=$(sql -N -e "SELECT COUNT(*) FROM $DB_NAME.survey_response")
RESPONDENT_LOAD=$(load)
wrk -t"$THREADS" -c"$SURVEY_CONNECTIONS" -d"${DURATION}s" --timeout "$TIMEOUT" --latency -s deploy/bench/respondent.lua "$BASE/survey/$TOKEN" \
  >"$OUT/wrk-respondent.txt"
AFTER=$(sql -N -e "SELECT COUNT(*) FROM $DB_NAME.survey_response")
RESPONDENTS=$(awk '$1=="respondents" {print $2}' "$OUT/wrk-respondent.txt")
FAILURES=$(awk '$1=="failures" {print $2}' "$OUT/wrk-respondent.txt")
RESPONDENTS_PS=$(awk -v n="$RESPONDENTS" -v d="$DURATION" 'BEGIN { printf "%.1f", n / d }')
STORED=$((AFTER - MID))
R_P50=$(to_ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk-respondent.txt")")
R_P99=$(to_ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk-respondent.txt")")
echo "bench: respondents: $RESPONDENTS_PS/s ($STORED stored, $FAILURES failed), per request p50 $R_P50 ms, p99 $R_P99 ms, load average $RESPONDENT_LOAD" >&2

RSS=$(rss_mb)
# The survey submit rate of the same `make bench` (survey-bench.sh runs first and writes survey.json).
SUBMITS=null
if [ -f "$OUT/survey.json" ]; then
  SUBMITS=$(awk -F': *' '/"submissions_per_second"/ {gsub(/[ ,]/, "", $2); print $2}' "$OUT/survey.json")
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "null" || b + 0 == 0) print "null"; else printf "%.2f", a / b }'; }
COST_RATIO=$(ratio "${RPS[accessibility_anonymous]}" "${RPS[accessibility_signed_in]}")
FORM_TO_SUBMIT=$(ratio "${RPS[survey_form]}" "$SUBMITS")

cat >"$OUT/pages.json" <<JSON
{
  "measured_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB",
  "heap": "-Xmx$HEAP",
  "jar": "$APP_JAR",
  "signed_in_as": "$EMAIL",
  "warmup_seconds": $WARMUP,
  "duration_seconds": $DURATION,
  "pages": {$JSON_PAGES
  },
  "signed_in_cost_ratio_accessibility": $COST_RATIO,
  "respondent": { "connections": $SURVEY_CONNECTIONS, "respondents_per_second": $RESPONDENTS_PS, "stored": $STORED,
    "failures": ${FAILURES:-0}, "request_latency_p50_ms": $R_P50, "request_latency_p99_ms": $R_P99, "load_average_1m": $RESPONDENT_LOAD },
  "survey_submits_per_second_same_bench": $SUBMITS,
  "survey_form_to_submit_ratio": $FORM_TO_SUBMIT,
  "portal_rss_mb_after": $RSS,
  "load_average_after": "$(cut -d' ' -f1-3 /proc/loadavg)",
  "targets": { "signed_in_cost_ratio_at_most": 1.5, "signed_in_pages_per_second_at_least": 1000,
    "latency_p99_ms_below": 100, "survey_form_to_submit_ratio_at_least": 0.5 }
}
JSON
cat "$OUT/pages.json"
echo "bench: signed-in /accessibility costs $COST_RATIO x the anonymous one; survey form/submit $FORM_TO_SUBMIT; portal RSS ${RSS} MB"
