#!/usr/bin/env bash
# A real cluster on this machine (docs/reliability.md): three MariaDB Galera nodes from Debian's packages, HAProxy in
# front of them and in front of two instances of the packaged portal, all on 127.0.0.1.
#   cluster.sh start            start whatever is not running yet (nodes, HAProxy, portal 1, then portal 2)
#   cluster.sh stop             stop all of it, by PID (portals, HAProxy, nodes); never the system's MariaDB
#   cluster.sh status           say what runs
# For the fault suite (deploy/cluster/FaultSuite.java):
#   kill-portal N | start-portal N | restart-portal N | stop-portals
#   kill-node N | start-node N | stop-node N | node-state N | restart-haproxy
#   start-single | stop-single  one more instance, on the system's MariaDB, for the throughput comparison
#   db-down | db-up             HAProxy refuses every database connection / serves the nodes again
#   sql N [mariadb args...]     the mariadb client as root on node N, through its socket
# Settings read at `start` and kept for every later start of a portal (.local/cluster/portal.env):
# S11_HOUSEKEEPING_CRON, S11_REMINDERS_CRON, S11_SURVEY_SUBMIT_BURST, S11_SURVEY_SUBMITS_PER_MINUTE,
# S11_MAIL_SEND_EVERY, CLUSTER_JAVA_OPTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STATE="$ROOT/.local/cluster"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
CLUSTER_NAME=s11cluster
DB_NAME=s11portal
DB_USER=portal
DB_FRONT=3310          # HAProxy's database frontend
HTTP_FRONT=8090        # HAProxy's portal frontend: the address people open
STATS_PORT=8404        # HAProxy's statistics page
node_port() { echo $((3310 + $1)); }   # 3311..3313
group_port() { echo $((4570 + $1)); }  # 4571..4573
ist_port() { echo $((4580 + $1)); }    # 4581..4583
sst_port() { echo $((4590 + $1)); }    # 4591..4593
portal_port() { echo $((8090 + $1)); } # 8091, 8092
mgmt_port() { echo $((9090 + $1)); }   # 9091, 9092
PASSTHROUGH=(S11_HOUSEKEEPING_CRON S11_REMINDERS_CRON S11_SURVEY_SUBMIT_BURST S11_SURVEY_SUBMITS_PER_MINUTE
  S11_MAIL_SEND_EVERY CLUSTER_JAVA_OPTS)

log() { echo "cluster: $*" >&2; }
die() { log "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: the nodes run as user mysql, which only root can start (see docs/reliability.md)"

node_dir() { echo "$STATE/node$1"; }
node_sock() { echo "$(node_dir "$1")/mysqld.sock"; }
node_pidfile() { echo "$(node_dir "$1")/mysqld.pid"; }
node_log() { echo "$(node_dir "$1")/mariadbd.log"; }
portal_pidfile() { echo "$STATE/portal$1.pid"; }
portal_log() { echo "$STATE/portal$1.log"; }
HAPROXY_CFG="$STATE/haproxy.cfg"
HAPROXY_PID="$STATE/haproxy.pid"
HAPROXY_SOCK="$STATE/haproxy.sock"
SECRETS="$STATE/secrets.env"
PORTAL_ENV="$STATE/portal.env"

# Is PID alive and running PROGRAM with ARG among its arguments? A PID file can outlive its process, and the PID
# can be reused by something else: only a process that is ours is ever signalled.
is_ours() {
  local pid="$1" program="$2" arg="$3" first
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] || return 1
  first="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1)"
  [ "${first##*/}" = "$program" ] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$arg"
}

read_pid() { [ -f "$1" ] && tr -d '[:space:]' <"$1" || true; }
node_pid() { local p; p="$(read_pid "$(node_pidfile "$1")")"; is_ours "$p" mariadbd "--datadir=$(node_dir "$1")/data" && echo "$p"; }
haproxy_pid() { local p; p="$(read_pid "$HAPROXY_PID")"; is_ours "$p" haproxy "$HAPROXY_CFG" && echo "$p"; }
portal_pid() { local p; p="$(read_pid "$(portal_pidfile "$1")")"; is_ours "$p" java "-Ds11.cluster.instance=$1" && echo "$p"; }

# TERM, then KILL after TIMEOUT seconds.
stop_pid() {
  local pid="$1" what="$2" timeout="$3"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((timeout * 2))); do
    [ -d "/proc/$pid" ] || { log "$what stopped"; return 0; }
    sleep 0.5
  done
  log "$what still running after ${timeout}s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

sql() { # sql N args...: root on node N through its socket
  local n="$1"; shift
  mariadb --no-defaults --protocol=SOCKET -S "$(node_sock "$n")" -u root "$@"
}

# ---------------------------------------------------------------------------------------------------- packages
ensure_packages() {
  local missing=()
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v mariadb >/dev/null || missing+=(mariadb-client)
  [ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
  command -v rsync >/dev/null || missing+=(rsync)
  command -v socat >/dev/null || missing+=(socat)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian's ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

ensure_jar() {
  if [ -f "$JAR" ] && [ -z "$(find src pom.xml -newer "$JAR" -type f -print -quit)" ]; then
    return 0
  fi
  log "building the portal (mvn -DskipTests package; output in target/build.log)"
  mkdir -p target
  mvn -B -q --no-transfer-progress -DskipTests package >target/build.log 2>&1 \
    || { sed 's/\x1b\[[0-9;]*m//g' target/build.log | tail -n 40 >&2; die "the build failed: the lines above say why"; }
}

ensure_secrets() {
  [ -f "$SECRETS" ] && return 0
  umask 077
  local pw nonce twostep
  pw="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
  nonce="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)"
  twostep="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)"
  printf 'S11_DB_PASSWORD=%s\nS11_SURVEY_NONCE_KEY=%s\nS11_TWO_STEP_KEY=%s\n' "$pw" "$nonce" "$twostep" >"$SECRETS"
}

# ------------------------------------------------------------------------------------------------------- nodes
init_node() {
  local n="$1" dir
  dir="$(node_dir "$n")"
  [ -d "$dir/data/mysql" ] && return 0
  mkdir -p "$dir/data"
  chown -R mysql:mysql "$dir"
  log "initialising node $n in $dir/data"
  mariadb-install-db --no-defaults --datadir="$dir/data" --user=mysql --auth-root-authentication-method=normal \
    --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; die "mariadb-install-db failed for node $n"; }
}

# start_node N [bootstrap]: start node N; with "bootstrap" it founds a new cluster (--wsrep-new-cluster).
start_node() {
  local n="$1" bootstrap="${2:-}" dir pid
  if pid="$(node_pid "$n")"; then
    log "node $n is already running (PID $pid)"
    return 0
  fi
  init_node "$n"
  dir="$(node_dir "$n")"
  rm -f "$(node_pidfile "$n")"
  local extra=()
  if [ "$bootstrap" = bootstrap ]; then
    extra+=(--wsrep-new-cluster)
    # A node may found the cluster only when its state is the newest; stop sets this on the last node to stop.
    [ -f "$dir/data/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$dir/data/grastate.dat"
  fi
  log "starting node $n on 127.0.0.1:$(node_port "$n")${bootstrap:+ (founding the cluster)}"
  # setsid: the node is in a session of its own, so Ctrl-C on make does not reach it
  setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$dir/data" --socket="$(node_sock "$n")" \
    --pid-file="$(node_pidfile "$n")" --log-error="$(node_log "$n")" --port="$(node_port "$n")" --bind-address=127.0.0.1 \
    --skip-name-resolve --max-connections=400 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name="$CLUSTER_NAME" \
    --wsrep-node-name="n$n" --wsrep-node-address="127.0.0.1:$(group_port "$n")" \
    --wsrep-cluster-address="gcomm://127.0.0.1:$(group_port 1),127.0.0.1:$(group_port 2),127.0.0.1:$(group_port 3)" \
    "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:$(group_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n")" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$(sst_port "$n")" --binlog-format=ROW \
    --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB "${extra[@]}" </dev/null >/dev/null 2>&1 &
  wait_node_synced "$n" 180
}

# Waits until node N is a synced member of the primary component.
wait_node_synced() {
  local n="$1" timeout="$2" state
  for _ in $(seq 1 $((timeout * 2))); do
    state="$(sql "$n" -N -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT'" 2>/dev/null || true)"
    [ "$state" = Synced ] && { log "node $n is synced"; return 0; }
    sleep 0.5
  done
  tail -n 30 "$(node_log "$n")" >&2 || true
  die "node $n did not join the cluster within ${timeout}s (log: $(node_log "$n"))"
}

node_state() {
  local n="$1"
  node_pid "$n" >/dev/null || { echo down; return 0; }
  sql "$n" -N -e "SELECT CONCAT(s.VARIABLE_VALUE, ' size=', c.VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS s,
    information_schema.GLOBAL_STATUS c WHERE s.VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT' AND c.VARIABLE_NAME='WSREP_CLUSTER_SIZE'" \
    2>/dev/null || echo starting
}

stop_node() {
  local n="$1" pid
  if pid="$(node_pid "$n")"; then
    log "stopping node $n (PID $pid)"
    stop_pid "$pid" "node $n" 120
  fi
}

any_node_running() { local n; for n in 1 2 3; do node_pid "$n" >/dev/null && return 0; done; return 1; }

# The node whose state is the newest founds the cluster again: the one marked safe_to_bootstrap (the last to stop
# cleanly), else the highest seqno.
bootstrap_node() {
  local n best=1 best_seqno=-2 seqno
  for n in 1 2 3; do
    local g; g="$(node_dir "$n")/data/grastate.dat"
    [ -f "$g" ] || continue
    grep -q '^safe_to_bootstrap: 1' "$g" && { echo "$n"; return 0; }
    seqno="$(awk '/^seqno:/ {print $2}' "$g")"
    [ -n "$seqno" ] && [ "$seqno" -gt "$best_seqno" ] && { best="$n"; best_seqno="$seqno"; }
  done
  echo "$best"
}

start_nodes() {
  local n first
  if any_node_running; then
    for n in 1 2 3; do start_node "$n"; done
    return 0
  fi
  first="$(bootstrap_node)"
  start_node "$first" bootstrap
  create_accounts "$first"
  for n in 1 2 3; do [ "$n" = "$first" ] || start_node "$n"; done
}

create_accounts() {
  local n="$1" pw
  pw="$(sed -n 's/^S11_DB_PASSWORD=//p' "$SECRETS")"
  # skip-name-resolve: TCP clients are matched by address; the anonymous accounts install-db makes are dropped.
  # 'haproxy' has no password and no privileges: HAProxy's mysql-check only logs in.
  sql "$n" -e "
    DROP USER IF EXISTS ''@'localhost';
    DROP USER IF EXISTS ''@'$(hostname)';
    CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$pw';
    ALTER USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$pw';
    GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'127.0.0.1';
    CREATE USER IF NOT EXISTS 'haproxy'@'127.0.0.1';"
}

# ----------------------------------------------------------------------------------------------------- HAProxy
# The portal's health is on the management port once quarkus.management is enabled (observability), else on PORT.
health_on_management() { grep -q '^quarkus.management.enabled=true' src/main/resources/application.properties; }
health_port() { if health_on_management; then mgmt_port "$1"; else portal_port "$1"; fi; }

write_haproxy_cfg() {
  cat >"$1" <<CFG
# Generated by deploy/cluster/cluster.sh: edits are overwritten at the next start.
global
    maxconn 2000
    stats socket $HAPROXY_SOCK mode 600 level admin
    stats timeout 30s

defaults
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout check 2s

# The database: one node takes every connection (Galera certifies writes from several nodes, but one writer at a
# time avoids most conflicts); the others are backups. "stick on dst" keeps every connection on the node in use: a
# node that comes back after a failure stays a backup instead of taking the writes back while it catches up.
listen galera
    bind 127.0.0.1:$DB_FRONT
    mode tcp
    option tcpka
    option mysql-check user haproxy post-41
    stick-table type ip size 1 nopurge
    stick on dst
    default-server inter 1s fall 2 rise 3 on-marked-down shutdown-sessions
    server n1 127.0.0.1:$(node_port 1) check
    server n2 127.0.0.1:$(node_port 2) check backup
    server n3 127.0.0.1:$(node_port 3) check backup

# The portal: round robin over the two instances, each checked on its readiness endpoint. A request is retried on
# the other instance when it could not be delivered (conn-failure: it never reached a portal). When an instance
# dies with the request in flight (empty-response), only what is safe to repeat is retried: GET and HEAD, and the
# survey's answers, which carry a one-time nonce (a repeat of a stored answer is answered "thank you" and not stored
# again). Any other POST is never replayed: its sender gets the 502 and decides.
# Readiness takes an instance out when it alone is unwell. When every instance is unready for the same reason (the
# database is down), the same instances serve from portals_live, checked only for liveness: visitors then get the portal's
# own "service unavailable" page (503) instead of HAProxy's, and the first instance to recover is used again.
frontend portal
    bind 127.0.0.1:$HTTP_FRONT
    mode http
    option forwardfor
    timeout client 60s
    use_backend portals_live if { nbsrv(portals) eq 0 }
    default_backend portals

backend portals
    mode http
    balance roundrobin
    timeout server 60s
    option httpchk GET /q/health/ready
    http-check expect status 200
    option redispatch 1
    retries 2
    option http-buffer-request
    retry-on conn-failure empty-response
    http-request disable-l7-retry if !METH_GET !METH_HEAD !{ path_beg /survey/ }
    default-server inter 1s fall 2 rise 2
    http-response set-header X-Portal-Instance %s
    server p1 127.0.0.1:$(portal_port 1) check port $(health_port 1)
    server p2 127.0.0.1:$(portal_port 2) check port $(health_port 2)

backend portals_live
    mode http
    balance roundrobin
    timeout server 60s
    option httpchk GET /q/health/live
    http-check expect status 200
    option redispatch 1
    retries 2
    option http-buffer-request
    retry-on conn-failure empty-response
    http-request disable-l7-retry if !METH_GET !METH_HEAD !{ path_beg /survey/ }
    default-server inter 1s fall 2 rise 2
    http-response set-header X-Portal-Instance %s
    server p1-live 127.0.0.1:$(portal_port 1) check port $(health_port 1)
    server p2-live 127.0.0.1:$(portal_port 2) check port $(health_port 2)

listen stats
    bind 127.0.0.1:$STATS_PORT
    mode http
    stats enable
    stats uri /
    stats refresh 2s
CFG
}

start_haproxy() {
  local pid
  write_haproxy_cfg "$HAPROXY_CFG.new"
  if pid="$(haproxy_pid)"; then
    if cmp -s "$HAPROXY_CFG" "$HAPROXY_CFG.new"; then
      rm -f "$HAPROXY_CFG.new"
      log "HAProxy is already running (PID $pid)"
      return 0
    fi
    log "HAProxy's configuration changed (e.g. the health port): restarting it"
    stop_pid "$pid" HAProxy 10
  fi
  mv "$HAPROXY_CFG.new" "$HAPROXY_CFG"
  haproxy -c -q -f "$HAPROXY_CFG" || die "HAProxy refuses $HAPROXY_CFG"
  rm -f "$HAPROXY_PID"
  haproxy -D -f "$HAPROXY_CFG" -p "$HAPROXY_PID"
  for _ in $(seq 1 20); do [ -s "$HAPROXY_PID" ] && break; sleep 0.25; done
  log "HAProxy started (PID $(read_pid "$HAPROXY_PID")): database on 127.0.0.1:$DB_FRONT, portal on 127.0.0.1:$HTTP_FRONT"
}

haproxy_cmd() { echo "$1" | socat stdio "unix-connect:$HAPROXY_SOCK"; }

# ----------------------------------------------------------------------------------------------------- portals
save_portal_env() {
  umask 077
  : >"$PORTAL_ENV"
  local name
  for name in "${PASSTHROUGH[@]}"; do
    [ -n "${!name:-}" ] && printf '%s=%q\n' "$name" "${!name}" >>"$PORTAL_ENV"
  done
  return 0
}

# Quarkus keeps a job's stored next firing when its schedule changes (QuartzSchedulerImpl: startAt(the old trigger's
# next fire time)): a new S11_HOUSEKEEPING_CRON would apply only after the old next firing, 03:17 tomorrow. When a
# schedule is given and no portal runs, that job's next firing is brought forward to now, so the new one applies.
reschedule_given_jobs() {
  local n job var running=""
  for n in 1 2 3; do node_pid "$n" >/dev/null && { running="$n"; break; }; done
  [ -n "$running" ] || return 0
  for job in housekeeping:S11_HOUSEKEEPING_CRON reminders:S11_REMINDERS_CRON; do
    var="${job#*:}"
    [ -n "${!var:-}" ] || continue
    sql "$running" "$DB_NAME" -e "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = UNIX_TIMESTAMP() * 1000
      WHERE TRIGGER_NAME = '${job%%:*}' AND NEXT_FIRE_TIME > UNIX_TIMESTAMP() * 1000" 2>/dev/null || true
  done
}

start_portal() {
  local n="$1" pid
  if pid="$(portal_pid "$n")"; then
    log "portal $n is already running (PID $pid)"
    return 0
  fi
  [ -f "$PORTAL_ENV" ] || save_portal_env
  log "starting portal $n on 127.0.0.1:$(portal_port "$n") (log: $(portal_log "$n"))"
  (
    set -a
    # shellcheck disable=SC1090
    . "$SECRETS"
    # shellcheck disable=SC1090
    . "$PORTAL_ENV"
    set +a
    export QUARKUS_PROFILE=cluster PORT="$(portal_port "$n")" S11_MANAGEMENT_PORT="$(mgmt_port "$n")" \
      S11_DB_HOST=127.0.0.1 S11_DB_PORT=$DB_FRONT S11_DB_NAME=$DB_NAME S11_DB_USER=$DB_USER \
      S11_TRUSTED_PROXIES=127.0.0.1 S11_PUBLIC_URL="http://127.0.0.1:$HTTP_FRONT" S11_SECURE_COOKIES=false S11_LOG_JSON=false
    # shellcheck disable=SC2086  # CLUSTER_JAVA_OPTS is a list of options
    exec setsid java -Ds11.cluster.instance="$n" -Xmx512m ${CLUSTER_JAVA_OPTS:-} -jar "$JAR" </dev/null >>"$(portal_log "$n")" 2>&1
  ) &
  echo $! >"$(portal_pidfile "$n")"
}

wait_portal_ready() {
  local n="$1" timeout="$2" pid
  for _ in $(seq 1 $((timeout * 2))); do
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(health_port "$n")/q/health/ready" && { log "portal $n is ready"; return 0; }
    pid="$(read_pid "$(portal_pidfile "$n")")"
    if ! [ -d "/proc/$pid" ]; then
      tail -n 30 "$(portal_log "$n")" >&2 || true
      die "portal $n exited during start-up (log: $(portal_log "$n"))"
    fi
    sleep 0.5
  done
  die "portal $n was not ready within ${timeout}s (log: $(portal_log "$n"))"
}

stop_portal() {
  local n="$1" pid
  if pid="$(portal_pid "$n")"; then
    log "stopping portal $n (PID $pid)"
    stop_pid "$pid" "portal $n" 30
  fi
  rm -f "$(portal_pidfile "$n")"
}

kill_portal() {
  local n="$1" pid
  pid="$(portal_pid "$n")" || die "portal $n is not running"
  kill -KILL "$pid"
  log "portal $n killed (kill -9 $pid)"
}

# The throughput comparison's single instance: the same jar and settings on one plain MariaDB (the system's, found by
# deploy/scripts/db.sh), in a database of its own that is dropped when it stops.
SINGLE_PORT=8093
SINGLE_MGMT=9093
SINGLE_DB=s11cluster_single
single_pid() { local p; p="$(read_pid "$STATE/single.pid")"; is_ours "$p" java "-Ds11.cluster.instance=single" && echo "$p"; }
single_health_port() { if health_on_management; then echo $SINGLE_MGMT; else echo $SINGLE_PORT; fi; }

start_single() {
  local pid db_env
  if pid="$(single_pid)"; then
    log "the single instance is already running (PID $pid)"
    return 0
  fi
  db_env="$(deploy/scripts/db.sh ensure)"
  log "starting the single instance on 127.0.0.1:$SINGLE_PORT (database $SINGLE_DB; log: $STATE/single.log)"
  (
    set -a
    # shellcheck disable=SC1090
    . "$SECRETS"
    # shellcheck disable=SC1090
    . "$PORTAL_ENV"
    set +a
    eval "$db_env" # after the secrets: the system's MariaDB has its own credentials
    echo "$db_env" | sed -n 's/^export //p' >"$STATE/single-db.env"
    export QUARKUS_PROFILE=cluster PORT=$SINGLE_PORT S11_MANAGEMENT_PORT=$SINGLE_MGMT S11_DB_NAME=$SINGLE_DB \
      S11_PUBLIC_URL="http://127.0.0.1:$SINGLE_PORT" S11_SECURE_COOKIES=false S11_LOG_JSON=false
    # shellcheck disable=SC2086
    exec setsid java -Ds11.cluster.instance=single -Xmx512m ${CLUSTER_JAVA_OPTS:-} -jar "$JAR" </dev/null >>"$STATE/single.log" 2>&1
  ) &
  echo $! >"$STATE/single.pid"
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(single_health_port)/q/health/ready" && { log "the single instance is ready"; return 0; }
    [ -d "/proc/$!" ] || { tail -n 30 "$STATE/single.log" >&2; die "the single instance exited during start-up"; }
    sleep 0.5
  done
  die "the single instance was not ready within 300s"
}

stop_single() {
  local pid
  if pid="$(single_pid)"; then
    log "stopping the single instance (PID $pid)"
    stop_pid "$pid" "the single instance" 30
  fi
  rm -f "$STATE/single.pid"
  if [ -f "$STATE/single-db.env" ]; then
    (
      set -a; . "$STATE/single-db.env"; set +a
      MYSQL_PWD="$S11_DB_PASSWORD" mariadb --no-defaults --protocol=TCP -h "$S11_DB_HOST" -P "$S11_DB_PORT" -u "$S11_DB_USER" \
        -e "DROP DATABASE IF EXISTS $SINGLE_DB" || true
    )
    rm -f "$STATE/single-db.env"
  fi
}

# ------------------------------------------------------------------------------------------------------ status
status() {
  local n pid
  for n in 1 2 3; do echo "node $n (127.0.0.1:$(node_port "$n")): $(node_state "$n")"; done
  if pid="$(haproxy_pid)"; then echo "HAProxy: running (PID $pid), portal http://127.0.0.1:$HTTP_FRONT, database 127.0.0.1:$DB_FRONT, stats http://127.0.0.1:$STATS_PORT/"
  else echo "HAProxy: down"; fi
  for n in 1 2; do
    if pid="$(portal_pid "$n")"; then echo "portal $n (127.0.0.1:$(portal_port "$n")): running (PID $pid)"
    else echo "portal $n: down"; fi
  done
}

running_all() {
  local n
  for n in 1 2 3; do node_pid "$n" >/dev/null || return 1; done
  haproxy_pid >/dev/null && portal_pid 1 >/dev/null && portal_pid 2 >/dev/null
}

start_all() {
  if running_all; then
    log "the cluster is already running"
    status
    return 0
  fi
  ensure_packages
  mkdir -p "$STATE"
  ensure_secrets
  ensure_jar
  start_nodes
  start_haproxy
  if ! portal_pid 1 >/dev/null && ! portal_pid 2 >/dev/null; then
    save_portal_env
    reschedule_given_jobs
  fi
  # Demo data loads at the first instance's start: the second starts only once the first is ready.
  start_portal 1
  wait_portal_ready 1 300
  start_portal 2
  wait_portal_ready 2 300
  cat <<TXT

S11 Portal cluster is running: http://127.0.0.1:$HTTP_FRONT
  2 portal instances (127.0.0.1:$(portal_port 1), 127.0.0.1:$(portal_port 2)) behind HAProxy; 3 Galera nodes
  (127.0.0.1:$(node_port 1)-$(node_port 3)) behind HAProxy at 127.0.0.1:$DB_FRONT; HAProxy's page: http://127.0.0.1:$STATS_PORT/
  Sign in as lead.solent-wessex-police-service@demo.s11portal.example, password Demo-Portal-2026!
  make cluster-test runs the fault suite against it; make cluster-stop stops it all.
TXT
}

stop_all() {
  local n pid
  stop_single
  for n in 2 1; do stop_portal "$n"; done
  if pid="$(haproxy_pid)"; then
    log "stopping HAProxy (PID $pid)"
    stop_pid "$pid" HAProxy 10
  fi
  rm -f "$HAPROXY_PID"
  # Node 1 stops last, so that it is the one marked safe to found the cluster again.
  for n in 3 2 1; do stop_node "$n"; done
  log "the cluster is stopped"
}

check_n() { [[ "${2:-}" =~ ^[$1]$ ]] || die "which one? ($1)"; }

case "${1:-}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  kill-portal) check_n 12 "${2:-}"; kill_portal "$2" ;;
  start-portal) check_n 12 "${2:-}"; start_portal "$2"; wait_portal_ready "$2" 300 ;;
  restart-portal) check_n 12 "${2:-}"; stop_portal "$2"; start_portal "$2"; wait_portal_ready "$2" 300 ;;
  stop-portals) stop_portal 2; stop_portal 1 ;;
  start-single) start_single ;;
  stop-single) stop_single ;;
  restart-haproxy)
    if pid="$(haproxy_pid)"; then stop_pid "$pid" HAProxy 10; fi
    start_haproxy
    ;;
  kill-node)
    check_n 123 "${2:-}"
    pid="$(node_pid "$2")" || die "node $2 is not running"
    kill -KILL "$pid"
    log "node $2 killed (kill -9 $pid)"
    ;;
  start-node) check_n 123 "${2:-}"; start_node "$2" ;;
  stop-node) check_n 123 "${2:-}"; stop_node "$2" ;;
  node-state) check_n 123 "${2:-}"; node_state "$2" ;;
  db-down)
    for n in 1 2 3; do haproxy_cmd "disable server galera/n$n" >/dev/null; haproxy_cmd "shutdown sessions server galera/n$n" >/dev/null; done
    log "HAProxy refuses every database connection (all nodes in maintenance)"
    ;;
  db-up)
    for n in 1 2 3; do haproxy_cmd "enable server galera/n$n" >/dev/null; done
    log "HAProxy serves the database again"
    ;;
  sql) check_n 123 "${2:-}"; n="$2"; shift 2; sql "$n" "$@" ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
