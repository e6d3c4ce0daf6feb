# Shared by the bench scripts (sourced, run from the repository root): the database the portal uses, wrk, and
# an `sql` function for that MariaDB.
db_env="$(deploy/scripts/db.sh ensure)"
eval "$db_env"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >&2
  else
    echo "bench: wrk is missing: sudo apt-get install -y wrk" >&2; exit 1
  fi
fi
CLIENT="$(command -v mariadb || command -v mysql)"
sql() { MYSQL_PWD="$S11_DB_PASSWORD" "$CLIENT" --no-defaults --protocol=TCP -h "$S11_DB_HOST" -P "$S11_DB_PORT" -u "$S11_DB_USER" "$@"; }
