#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests; prints its path.
set -euo pipefail

find_chromium() {
  for candidate in "${S11_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

case "${1:-ensure}" in
  ensure)
    if path="$(find_chromium)"; then
      echo "$path"
      exit 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
      echo "chromium: not installed. Install it with this command, then run this again:" >&2
      echo "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium'" >&2
      exit 1
    fi
    echo "chromium: installing Debian's chromium" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
    find_chromium
    ;;
  *)
    echo "usage: $0 ensure" >&2
    exit 2
    ;;
esac
