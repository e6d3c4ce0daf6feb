#!/usr/bin/env bash
# Finds the MariaDB the portal should use, or starts a project-local one.
#   db.sh ensure  print `export S11_DB_...` lines for a MariaDB that answers (starting a local one if needed)
#   db.sh stop    stop the project-local server (never the system's own)
#   db.sh status  say which server would be used
# Logs go to stderr so that `eval "$(db.sh ensure)"` only sees the exports.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_ROOT="$ROOT/.local/mariadb"
DATADIR="$DATA_ROOT/data"
SOCKET="$DATA_ROOT/mysqld.sock"
PIDFILE="$DATA_ROOT/mysqld.pid"
LOGFILE="$DATA_ROOT/mariadbd.log"

DB_HOST="${S11_DB_HOST:-127.0.0.1}"
DB_PORT="${S11_DB_PORT:-3306}"
DB_USER="${S11_DB_USER:-root}"
DB_PASSWORD="${S11_DB_PASSWORD:-}"
LOCAL_PORT="${S11_LOCAL_DB_PORT:-3307}"

log() { echo "db: $*" >&2; }

client() {
  command -v mariadb 2>/dev/null || command -v mysql 2>/dev/null || true
}

# Does a MariaDB answer at host:port with these credentials?
answers() {
  local host="$1" port="$2" user="$3" password="$4" cli
  cli="$(client)"
  if [ -n "$cli" ]; then
    MYSQL_PWD="$password" "$cli" --no-defaults --protocol=TCP -h "$host" -P "$port" -u "$user" \
      --connect-timeout=3 -e 'SELECT 1' >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$host/$port") >/dev/null 2>&1
  fi
}

print_exports() {
  printf 'export S11_DB_HOST=%q\nexport S11_DB_PORT=%q\nexport S11_DB_USER=%q\nexport S11_DB_PASSWORD=%q\n' \
    "$1" "$2" "$3" "$4"
}

local_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q mariadbd; then
    echo "$pid"
    return 0
  fi
  log "removing stale PID file $PIDFILE"
  rm -f "$PIDFILE"
  return 1
}

install_server() {
  if command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "MariaDB is not installed. Install it, then run this again:"
    log "  sudo apt-get install -y --no-install-recommends mariadb-server mariadb-client"
    exit 1
  fi
  log "installing Debian's mariadb-server"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server mariadb-client >&2
}

mariadbd_bin() { command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd; }

start_local() {
  install_server
  mkdir -p "$DATA_ROOT"
  if ! local_pid >/dev/null; then
    if [ ! -d "$DATADIR/mysql" ]; then
      log "initialising a project-local MariaDB in $DATADIR"
      mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$DATADIR" \
        --auth-root-authentication-method=normal --skip-test-db >"$DATA_ROOT/install.log" 2>&1 \
        || { cat "$DATA_ROOT/install.log" >&2; exit 1; }
    fi
    log "starting the project-local MariaDB on 127.0.0.1:$LOCAL_PORT (log: $LOGFILE)"
    nohup "$(mariadbd_bin)" --no-defaults --user="$(id -un)" --datadir="$DATADIR" --socket="$SOCKET" \
      --pid-file="$PIDFILE" --port="$LOCAL_PORT" --bind-address=127.0.0.1 \
      --innodb-flush-log-at-trx-commit=1 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      >>"$LOGFILE" 2>&1 </dev/null &
  fi
  for _ in $(seq 1 60); do
    if answers 127.0.0.1 "$LOCAL_PORT" root ""; then
      print_exports 127.0.0.1 "$LOCAL_PORT" root ""
      return 0
    fi
    sleep 0.5
  done
  log "the project-local MariaDB did not answer within 30 s; see $LOGFILE"
  tail -20 "$LOGFILE" >&2 || true
  exit 1
}

case "${1:-}" in
  ensure)
    if answers "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"; then
      log "using the MariaDB at $DB_HOST:$DB_PORT"
      print_exports "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"
    else
      log "no MariaDB answers at $DB_HOST:$DB_PORT"
      start_local
    fi
    ;;
  stop)
    if pid="$(local_pid)"; then
      log "stopping the project-local MariaDB (PID $pid)"
      kill -TERM "$pid"
      for _ in $(seq 1 40); do
        [ -d "/proc/$pid" ] || break
        sleep 0.5
      done
      if [ -d "/proc/$pid" ]; then
        log "still running after 20 s; killing it"
        kill -KILL "$pid" || true
      fi
      rm -f "$PIDFILE"
    else
      log "no project-local MariaDB is running"
    fi
    ;;
  status)
    if answers "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"; then
      echo "MariaDB at $DB_HOST:$DB_PORT answers: it will be used"
    elif pid="$(local_pid)"; then
      echo "project-local MariaDB running (PID $pid) on 127.0.0.1:$LOCAL_PORT"
    else
      echo "no MariaDB answers at $DB_HOST:$DB_PORT; a project-local one will be started on 127.0.0.1:$LOCAL_PORT"
    fi
    ;;
  *)
    echo "usage: $0 ensure|stop|status" >&2
    exit 2
    ;;
esac
