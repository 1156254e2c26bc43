#!/usr/bin/env bash
# `npm test`: build, make sure Redis, RabbitMQ and FerretDB are up (starting what is
# missing), then run every jest project: unit, integration, and the system suite
# against the monolith and against the split deployment. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent build
bash scripts/services/start.sh
trap 'bash scripts/services/ferretdb.sh stop' EXIT
npx jest "$@"
