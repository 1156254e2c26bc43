'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by the container runtime */
/**
 * Container health check of the gRPC roles (user-service, chat-service): asks the standard
 * grpc.health.v1.Health/Check of 127.0.0.1:<port> about the server as a whole ('') and exits
 * 0 only when it answers SERVING. Usage: node deploy/healthcheck/grpc-health-check.cjs [port]
 * (default $GRPC_PORT). It speaks to the listener as the role configures it: plaintext, or TLS
 * when GRPC_TLS_CERT_FILE is set, showing that certificate as its client certificate when the
 * listener requires one (GRPC_TLS_CA_FILE, which then also verifies the server).
 */
const { readFileSync } = require('node:fs');
const grpc = require('@grpc/grpc-js');
const { loadSync } = require('@grpc/proto-loader');
const { protoPath } = require('grpc-health-check');

const port = process.argv[2] || process.env.GRPC_PORT;
if (!/^\d+$/.test(port || '')) {
  process.stderr.write('usage: grpc-health-check.cjs <port> (or set GRPC_PORT)\n');
  process.exit(2);
}

const fileOf = (name) => (process.env[name] ? readFileSync(process.env[name]) : null);

const channelCredentials = () => {
  const cert = fileOf('GRPC_TLS_CERT_FILE');
  if (cert === null) return grpc.credentials.createInsecure();
  const ca = fileOf('GRPC_TLS_CA_FILE');
  // without a CA there is nothing to verify the server with: it is our own listener on loopback
  return ca === null
    ? grpc.credentials.createSsl(null, null, null, { rejectUnauthorized: false })
    : grpc.credentials.createSsl(ca, fileOf('GRPC_TLS_KEY_FILE'), cert);
};

const definition = loadSync(protoPath, { keepCase: true, enums: String, defaults: true });
const { Health } = grpc.loadPackageDefinition(definition).grpc.health.v1;
const client = new Health(`127.0.0.1:${port}`, channelCredentials());
client.check({ service: '' }, { deadline: Date.now() + 3_000 }, (error, response) => {
  client.close();
  const status = error ? error.message : response.status;
  if (status !== 'SERVING') process.stderr.write(`gRPC health on port ${port}: ${status}\n`);
  process.exit(status === 'SERVING' ? 0 : 1);
});
