import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, register } from 'prom-client';
import type { Logger } from '@chatterroom/kernel';

let processMetrics = false;

/** The process, heap, event-loop and GC metrics of prom-client, once per process. */
export const enableProcessMetrics = (): void => {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register });
};

/** What a scrape answers: this process's registry, or (a monolith with socket processes) all of its processes'. */
export interface MetricsSource {
  text(): Promise<string>;
  readonly contentType: string;
}

const ownRegistry: MetricsSource = {
  text: () => register.metrics(),
  get contentType() {
    return register.contentType;
  },
};

export interface RunningMetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The metrics listener of every process (services, gateways, the monolith): GET /metrics in Prometheus' text format, 404 for
 * anything else. Plain HTTP with no credentials: bind it to a private network (METRICS_HOST).
 */
export const startMetricsServer = async (host: string, port: number, logger: Logger, source: MetricsSource = ownRegistry): Promise<RunningMetricsServer> => {
  enableProcessMetrics();
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    source.text().then(
      (text) => response.writeHead(200, { 'content-type': source.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  logger.info({ host, port: bound }, 'metrics listening');
  return {
    port: bound,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
