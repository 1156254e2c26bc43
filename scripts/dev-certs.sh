#!/usr/bin/env bash
# Development certificates for gRPC TLS/mTLS, made with openssl:
#   ca.crt / ca.key                     a private CA (keep ca.key away from the services)
#   user-service.crt / .key             server certificate for user-service, localhost, 127.0.0.1 (also clientAuth:
#                                       its container health check shows it to its own mTLS listener)
#   chat-service.crt / .key             server and client certificate (serverAuth, clientAuth): the chat
#                                       service serves the gateway and calls the user service
#   gateway.crt / .key                  client certificate (clientAuth) of the gateways
#   service-token                       a random SERVICE_TOKEN shared by the services
# Usage: scripts/dev-certs.sh [directory] (default deploy/certs). Existing files are kept unless
# FORCE=1. Certificates last DAYS days (default 825). For development and tests only: the keys
# are readable by everyone (0644) so containers running as another user can read the mounted files.
set -euo pipefail

dir="${1:-deploy/certs}"
days="${DAYS:-825}"
mkdir -p "$dir"
cd "$dir"

if [[ -f ca.crt && "${FORCE:-0}" != "1" ]]; then
  echo "dev-certs: $dir/ca.crt exists; FORCE=1 to make new ones" >&2
  exit 0
fi

umask 022
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days "$days" \
  -keyout ca.key -out ca.crt -subj "/CN=ChatterRoom development CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

issue() { # name usage san
  local name="$1" usage="$2" san="$3"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 \
    -keyout "$name.key" -out "$name.csr" -subj "/CN=$name" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=%s\nsubjectAltName=%s\n' \
    "$usage" "$san" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days "$days" \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
  chmod 0644 "$name.key"
}

issue user-service serverAuth,clientAuth "DNS:user-service,DNS:localhost,IP:127.0.0.1"
issue chat-service serverAuth,clientAuth "DNS:chat-service,DNS:localhost,IP:127.0.0.1"
issue gateway clientAuth "DNS:gateway"
rm -f ca.srl
openssl rand -base64 48 | tr -d '\n=' | tr '+/' '-_' > service-token
chmod 0644 service-token
echo "dev-certs: wrote CA, user-service, chat-service and gateway certificates and a service token to $(pwd)"
