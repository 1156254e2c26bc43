#!/usr/bin/env bash
# Makes sure every service the integration and system tests need is reachable:
# FerretDB (built and started here), Redis and RabbitMQ (started with the machine's
# own commands when installed but stopped). Fails naming what is missing and how to get it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

redis_url=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
amqp_url=${TEST_AMQP_URL:-amqp://guest:guest@127.0.0.1:5672}

hostport_of() { local x=${1#*://}; x=${x##*@}; echo "${x%%/*}"; }
listening() { local hp; hp=$(hostport_of "$1"); (exec 3<>"/dev/tcp/${hp%:*}/${hp##*:}") 2>/dev/null; }
wait_for() { for _ in $(seq 1 "${3:-150}"); do listening "$2" && return 0; sleep 0.2; done; echo "services: $1 did not come up at $(hostport_of "$2")" >&2; return 1; }

if ! listening "$redis_url"; then
  command -v redis-server >/dev/null || { echo "services: Redis is not reachable at $redis_url and redis-server is not installed (apt-get install redis-server, or set TEST_REDIS_URL)" >&2; exit 1; }
  echo "services: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$(hostport_of "$redis_url" | sed 's/.*://')" --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis "$redis_url"
fi

if ! listening "$amqp_url"; then
  command -v rabbitmq-server >/dev/null || { echo "services: RabbitMQ is not reachable at $amqp_url and rabbitmq-server is not installed (apt-get install rabbitmq-server, or set TEST_AMQP_URL)" >&2; exit 1; }
  echo "services: starting RabbitMQ"
  rabbitmq-server -detached
  wait_for RabbitMQ "$amqp_url" 300
fi

"$here/ferretdb.sh" start
echo "services: Redis, RabbitMQ and FerretDB are reachable"
