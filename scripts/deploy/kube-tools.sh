#!/usr/bin/env bash
# Builds (once) the tools the Helm chart's tests use, into .tools/bin, from the Go module proxy:
#   helm           helm.sh/helm/v3 $HELM_VERSION (renders deploy/helm/chatterroom)
#   kube-validate  scripts/deploy/kube-validate: every rendered object decoded strictly into the
#                  Kubernetes API types (client-go's scheme): offline, no cluster, no schema download.
# Fails naming what is missing. Prints the bin folder on success.
set -euo pipefail

HELM_VERSION=v3.22.0
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/.tools/bin"
validator_src="$root/scripts/deploy/kube-validate"

fail() { echo "kube-tools: $*" >&2; exit 1; }

command -v go >/dev/null || fail "Go is needed to build helm $HELM_VERSION and kube-validate for the Helm chart's tests (install Go >= 1.24: apt-get install golang-go, or the Go toolchain)"
mkdir -p "$bin"

# a build from the module reports only "v3.22" as its version: a stamp records the exact one
if ! [ -x "$bin/helm" ] || [ "$(cat "$bin/helm.version" 2>/dev/null)" != "$HELM_VERSION" ]; then
  echo "kube-tools: building helm $HELM_VERSION (once; takes a few minutes)" >&2
  GOBIN="$bin" go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2 ||
    fail "could not build helm.sh/helm/v3/cmd/helm@$HELM_VERSION from the Go module proxy (is it reachable? GOPROXY=$(go env GOPROXY))"
  echo "$HELM_VERSION" > "$bin/helm.version"
fi

if ! [ -x "$bin/kube-validate" ] || [ -n "$(find "$validator_src" -newer "$bin/kube-validate" -type f)" ]; then
  echo "kube-tools: building kube-validate (once; Kubernetes API types from k8s.io/client-go)" >&2
  (cd "$validator_src" && go build -o "$bin/kube-validate" .) >&2 ||
    fail "could not build scripts/deploy/kube-validate (its modules come from the Go module proxy: GOPROXY=$(go env GOPROXY))"
fi

echo "$bin"
