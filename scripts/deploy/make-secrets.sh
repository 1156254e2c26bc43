#!/usr/bin/env bash
# Makes the secret files the compose files mount as Docker secrets, with random values,
# in deploy/secrets/ (or the directory given as $1). An existing file is kept, so running
# it again never changes a secret. Containers read the files as /run/secrets/<name>.
#   amqp_url        AMQP_URL_FILE of the gateways and services: amqp://chatterroom:<password>@rabbitmq:5672
#   rabbitmq.conf   RabbitMQ's default user and that password (mounted into its conf.d)
set -euo pipefail

dir="${1:-$(cd "$(dirname "$0")/../.." && pwd)/deploy/secrets}"
user="${RABBITMQ_USER:-chatterroom}"
umask 077
mkdir -p "$dir"
chmod 700 "$dir"

random() { node -e "process.stdout.write(require('node:crypto').randomBytes($1).toString('base64url'))"; }

write() { # name value: the file stays readable by the containers' non-root users; the directory keeps others out
  if [[ -e "$dir/$1" ]]; then echo "kept    $dir/$1"; return; fi
  printf '%s\n' "$2" > "$dir/$1"
  chmod 644 "$dir/$1"
  echo "created $dir/$1"
}

if [[ -e "$dir/rabbitmq.conf" ]]; then
  password="$(sed -n 's/^default_pass = //p' "$dir/rabbitmq.conf")"
else
  password="$(random 24)"
fi
write rabbitmq.conf "$(printf 'default_user = %s\ndefault_pass = %s' "$user" "$password")"
write amqp_url "amqp://${user}:${password}@rabbitmq:5672"
