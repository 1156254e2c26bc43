'use strict';
/* global fetch, AbortSignal */
/**
 * Container health check of the HTTP roles (monolith, gateway): GET http://127.0.0.1:<port>/health/ready
 * must answer 2xx within 3 s (ready: the services, broker and database it needs answer).
 * Usage: node deploy/healthcheck/http-health-check.cjs [port] (default $PORT, else 3000).
 */
const port = process.argv[2] || process.env.PORT || '3000';
if (!/^\d+$/.test(port)) {
  process.stderr.write('usage: http-health-check.cjs <port> (or set PORT)\n');
  process.exit(2);
}

fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(3_000) }).then(
  (response) => {
    if (!response.ok) process.stderr.write(`GET /health/ready on port ${port}: ${response.status}\n`);
    process.exit(response.ok ? 0 : 1);
  },
  (error) => {
    process.stderr.write(`GET /health/ready on port ${port}: ${error.message}\n`);
    process.exit(1);
  },
);
