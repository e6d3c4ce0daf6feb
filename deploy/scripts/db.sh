#!/usr/bin/env bash
# Finds the MariaDB the portal should use, or starts a project-local one.
#   db.sh ensure  print `export S11_DB_...` lines for a MariaDB that answers (starting a local one if needed)
#   db.sh stop    stop the project-local server (never the system's own)
#   db.sh status  say which server would be used
# Logs go to stderr so that `eval "$(db.sh ensure)"` only sees the exports.
#
# Settings: S11_DB_HOST (127.0.0.1), S11_DB_PORT (3306), S11_DB_USER (root), S11_DB_PASSWORD (empty)
# say where to look first; S11_LOCAL_DB_PORT (3307) is the port of the project-local server, whose
# data lives in .local/mariadb/ (git-ignored, and outside target/ so `mvn clean` leaves it alone).
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

APT_PACKAGES=(mariadb-server mariadb-client)

log() { echo "db: $*" >&2; }

client() {
  command -v mariadb 2>/dev/null || command -v mysql 2>/dev/null || true
}

# Does a MariaDB answer at host:port with these credentials? With a client this is a real login;
# without one, an open TCP port has to do.
answers() {
  local host="$1" port="$2" user="$3" password="$4" cli
  cli="$(client)"
  if [ -n "$cli" ]; then
    MYSQL_PWD="$password" "$cli" --no-defaults --protocol=TCP -h "$host" -P "$port" -u "$user" \
      --connect-timeout=3 -e 'SELECT 1' >/dev/null 2>&1
  else
    # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" >/dev/null 2>&1
  fi
}

print_exports() {
  printf 'export S11_DB_HOST=%q\nexport S11_DB_PORT=%q\nexport S11_DB_USER=%q\nexport S11_DB_PASSWORD=%q\n' \
    "$1" "$2" "$3" "$4"
}

# Is PID our own mariadbd: alive, the program is mariadbd (or mysqld), and it serves our datadir?
# The datadir check matters after a reboot, when a stale PID can belong to the system's MariaDB.
is_local_server() {
  local pid="$1" prog
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] || return 1
  prog="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1)"
  case "${prog##*/}" in mariadbd | mysqld) ;; *) return 1 ;; esac
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "--datadir=$DATADIR"
}

# Prints the PID of the running project-local server; removes a stale PID file.
local_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(tr -d '[:space:]' <"$PIDFILE" 2>/dev/null || true)"
  if is_local_server "$pid"; then
    echo "$pid"
    return 0
  fi
  log "removing stale PID file $PIDFILE (PID '${pid}' is not our mariadbd)"
  rm -f "$PIDFILE"
  return 1
}

mariadbd_bin() { command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd; }
install_db_bin() { command -v mariadb-install-db 2>/dev/null || echo /usr/bin/mariadb-install-db; }

install_server() {
  if [ -x "$(mariadbd_bin)" ] && [ -x "$(install_db_bin)" ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "MariaDB is not installed. Install it with this command, then run this again:"
    echo "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends ${APT_PACKAGES[*]}'" >&2
    exit 1
  fi
  log "installing Debian's ${APT_PACKAGES[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >&2
}

# mariadb-install-db --auth-root-authentication-method=normal creates root@localhost, root@127.0.0.1,
# root@::1 and root@<hostname> with an empty password, so TCP logins from 127.0.0.1 just work. Should
# they not (a data directory made another way, e.g. with unix_socket auth for root), fix it through the
# socket. Both accounts are needed: the server resolves 127.0.0.1 to "localhost", and root@localhost
# then wins over root@127.0.0.1.
allow_root_over_tcp() {
  local cli
  cli="$(client)"
  [ -n "$cli" ] && [ -S "$SOCKET" ] || return 1
  "$cli" --no-defaults --protocol=SOCKET -S "$SOCKET" -u root --connect-timeout=3 -e 'SELECT 1' >/dev/null 2>&1 \
    || return 1
  # The socket can come up a moment before the TCP port: only change anything if TCP still refuses root.
  answers 127.0.0.1 "$LOCAL_PORT" root "" && return 0
  log "root cannot log in over TCP with an empty password; allowing it through the socket"
  "$cli" --no-defaults --protocol=SOCKET -S "$SOCKET" -u root -e "
    CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
    ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
    ALTER USER 'root'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
    GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
    FLUSH PRIVILEGES;" >&2
}

start_local() {
  local pid starter="" granted=0
  if pid="$(local_pid)"; then
    log "the project-local MariaDB is already running (PID $pid)"
  elif answers 127.0.0.1 "$LOCAL_PORT" root ""; then
    log "a MariaDB already answers on 127.0.0.1:$LOCAL_PORT without a PID file here; using it"
  else
    install_server
    mkdir -p "$DATA_ROOT"
    if [ ! -d "$DATADIR/mysql" ]; then
      log "initialising a project-local MariaDB in $DATADIR"
      "$(install_db_bin)" --no-defaults --user="$(id -un)" --datadir="$DATADIR" \
        --auth-root-authentication-method=normal --skip-test-db >"$DATA_ROOT/install.log" 2>&1 \
        || { cat "$DATA_ROOT/install.log" >&2; exit 1; }
    fi
    log "starting the project-local MariaDB on 127.0.0.1:$LOCAL_PORT (log: $LOGFILE)"
    # Own session (setsid): Ctrl-C on `make run` or closing the terminal does not reach the server.
    # -w keeps $! alive exactly as long as the server, so a failed start is noticed at once.
    setsid -w "$(mariadbd_bin)" --no-defaults --user="$(id -un)" --datadir="$DATADIR" --socket="$SOCKET" \
      --pid-file="$PIDFILE" --port="$LOCAL_PORT" --bind-address=127.0.0.1 \
      --innodb-flush-log-at-trx-commit=1 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      >>"$LOGFILE" 2>&1 </dev/null &
    starter=$!
  fi
  for _ in $(seq 1 60); do
    if answers 127.0.0.1 "$LOCAL_PORT" root ""; then
      print_exports 127.0.0.1 "$LOCAL_PORT" root ""
      return 0
    fi
    if [ -n "$starter" ] && ! kill -0 "$starter" 2>/dev/null; then
      log "the project-local MariaDB exited during start-up; last lines of $LOGFILE:"
      tail -n 20 "$LOGFILE" >&2 || true
      exit 1
    fi
    if [ "$granted" -eq 0 ] && allow_root_over_tcp; then
      granted=1
      continue
    fi
    sleep 0.5
  done
  log "the project-local MariaDB did not answer as root within 30 s (it may still be running:" \
    "db.sh stop stops it); last lines of $LOGFILE:"
  tail -n 20 "$LOGFILE" >&2 || true
  exit 1
}

case "${1:-}" in
  ensure)
    if answers "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"; then
      log "using the MariaDB at $DB_HOST:$DB_PORT"
      print_exports "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"
    else
      log "no MariaDB answers at $DB_HOST:$DB_PORT as $DB_USER"
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
      log "stopped"
    else
      log "no project-local MariaDB is running"
    fi
    ;;
  status)
    if answers "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"; then
      echo "MariaDB at $DB_HOST:$DB_PORT answers as $DB_USER: it will be used"
      if pid="$(local_pid)"; then
        echo "(a project-local MariaDB is also running, PID $pid, on 127.0.0.1:$LOCAL_PORT; make db-stop stops it)"
      fi
    elif pid="$(local_pid)"; then
      echo "no MariaDB answers at $DB_HOST:$DB_PORT; the project-local one (PID $pid) on 127.0.0.1:$LOCAL_PORT will be used"
    else
      echo "no MariaDB answers at $DB_HOST:$DB_PORT; a project-local one will be started on 127.0.0.1:$LOCAL_PORT (data in $DATA_ROOT)"
    fi
    ;;
  *)
    echo "usage: $0 ensure|stop|status" >&2
    exit 2
    ;;
esac
