#!/usr/bin/env bash
# The browser tests (jest projects browser:*) drive Debian's Chromium. Installs it with apt when
# it is missing; fails naming it when it cannot. CHROMIUM_PATH points at another build.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "${CHROMIUM_PATH:-}" = "" ] && command -v apt-get >/dev/null 2>&1; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
  echo "test: installing Debian's chromium for the browser tests (apt-get install chromium)"
  if "${as_root[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    [ -x "$chromium" ] && exit 0
  fi
fi
echo "test: Chromium is missing at $chromium and could not be installed: run \`apt-get install -y chromium\` (Debian's package) as root, or set CHROMIUM_PATH to a Chromium binary" >&2
exit 1
