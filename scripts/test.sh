#!/usr/bin/env bash
# `npm test`: build, make sure Redis, RabbitMQ and FerretDB are up (starting what is
# missing), then run every jest project: unit, integration, and the system suite
# against the monolith and against the split deployment, and the web client in headless Chromium
# (installed with apt when missing: scripts/browser/ensure-chromium.sh); then, alone, the tests that
# restart a shared service. Arguments go to one jest run over every project instead.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const m=+process.versions.node.split(".")[0]; if (m < 24) { console.error(`test: Node ${process.version} runs this; the project pins Node 24 (npm install brings it)`); process.exit(1); }'
npm run --silent build
# helm and kube-validate for the Helm chart's tests (test/deployment/helm-chart.spec.ts), built once with Go
bash scripts/deploy/kube-tools.sh >/dev/null
# Stop FerretDB afterwards only if this run is the one that starts it.
bash scripts/services/ferretdb.sh status >/dev/null 2>&1 || trap 'bash scripts/services/ferretdb.sh stop' EXIT
bash scripts/services/start.sh
bash scripts/browser/ensure-chromium.sh
if [ $# -gt 0 ]; then
  npx jest "$@"
  exit
fi
# The browser projects run on their own after the rest: Chromium and the deployments they drive
# then have the machine's cores to themselves rather than share them (and a deployment) with the system suite.
npx jest --selectProjects unit integration system:monolith system:split system:binary
npx jest --selectProjects browser:monolith browser:split
CHATTERROOM_DISRUPTIVE=1 npx jest
