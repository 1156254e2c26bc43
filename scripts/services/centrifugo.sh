#!/usr/bin/env bash
# Builds (once) Centrifugo, the bench's Go peer for fan-out (`npm run bench -- peers`), into .tools/bin.
# Usage: centrifugo.sh build|path. Needs Go >= 1.24; the module comes from the Go module proxy, pinned.
set -euo pipefail

CENTRIFUGO_VERSION=v6.9.1
root=$(cd "$(dirname "$0")/../.." && pwd)
tools="$root/.tools"
bin="$tools/bin/centrifugo-$CENTRIFUGO_VERSION"

fail() { echo "centrifugo: $*" >&2; exit 1; }

build() {
  [ -x "$bin" ] && return 0
  command -v go >/dev/null || fail "Go is needed to build Centrifugo $CENTRIFUGO_VERSION (install Go >= 1.24)"
  echo "centrifugo: building $CENTRIFUGO_VERSION (once; takes a few minutes)" >&2
  # As for FerretDB: download the exact module version and build it, no version list needed.
  local dir src
  dir=$(cd /tmp && go mod download -json "github.com/centrifugal/centrifugo/v6@$CENTRIFUGO_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || fail "could not download github.com/centrifugal/centrifugo/v6@$CENTRIFUGO_VERSION from the Go module proxy"
  src="$tools/centrifugo-src"
  rm -rf "$src" && mkdir -p "$tools/bin" && cp -r "$dir" "$src" && chmod -R u+w "$src"
  (cd "$src" && nice -n 10 go build -trimpath -ldflags "-s -w -X github.com/centrifugal/centrifugo/v6/internal/build.Version=${CENTRIFUGO_VERSION#v}" \
    -o "$bin.tmp" .) || fail "go build of Centrifugo failed"
  mv "$bin.tmp" "$bin"
  rm -rf "$src"
}

case "${1:-build}" in
  build) build ;;
  path) build && echo "$bin" ;;
  *) fail "usage: $0 build|path" ;;
esac
