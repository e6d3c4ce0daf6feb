#!/usr/bin/env bash
# Compares two databases on one MariaDB table by table: rows and CHECKSUM TABLE. Used to check a restore
# (docs/deployment.md, "Restore rehearsal"). Prints one line per table of A and ends with a summary; exits 1 if any differ.
#   deploy/scripts/compare-databases.sh SOURCE RESTORED
# Connection: S11_DB_HOST (127.0.0.1), S11_DB_PORT (3306), S11_DB_USER (root), S11_DB_PASSWORD (empty).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 SOURCE_DATABASE RESTORED_DATABASE" >&2; exit 2; }
a="$1" b="$2"

sql() {
  MYSQL_PWD="${S11_DB_PASSWORD:-}" mariadb --no-defaults --protocol=TCP -h "${S11_DB_HOST:-127.0.0.1}" \
    -P "${S11_DB_PORT:-3306}" -u "${S11_DB_USER:-root}" -N -B -e "$1"
}

tables=$(sql "SELECT table_name FROM information_schema.tables WHERE table_schema = '$a' ORDER BY 1")
[ -n "$tables" ] || { echo "no tables in $a" >&2; exit 2; }
differ=0 count=0
echo "A = $a, B = $b"
printf '%-32s %12s %12s %12s %12s\n' table "rows A" "rows B" "checksum A" "checksum B"
for t in $tables; do
  rows_a=$(sql "SELECT COUNT(*) FROM \`$a\`.\`$t\`")
  rows_b=$(sql "SELECT COUNT(*) FROM \`$b\`.\`$t\`" 2>/dev/null || echo missing)
  sum_a=$(sql "CHECKSUM TABLE \`$a\`.\`$t\`" | cut -f2)
  sum_b=$(sql "CHECKSUM TABLE \`$b\`.\`$t\`" 2>/dev/null | cut -f2 || true)
  count=$((count + 1))
  if [ "$rows_a" != "$rows_b" ] || [ "$sum_a" != "$sum_b" ]; then differ=$((differ + 1)); fi
  printf '%-32s %12s %12s %12s %12s\n' "$t" "$rows_a" "$rows_b" "$sum_a" "${sum_b:-missing}"
done
echo "$count tables, $differ differ"
[ "$differ" -eq 0 ]
