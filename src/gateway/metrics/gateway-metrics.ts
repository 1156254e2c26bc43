import { Counter, Gauge, Histogram, register } from 'prom-client';

/** What one gateway app counts live; the gauges below sum every app of the process. */
export interface GatewayGaugeSource {
  /** Open /ws/chat sockets. */
  wsChatSockets(): number;
  /** Open GraphQL subscription sockets. */
  graphqlSockets(): number;
  /** Bytes written to sockets and not yet sent (the fan-out's backlog). */
  queuedBytes(): number;
}

const sources = new Set<GatewayGaugeSource>();

/** Counts this app in the gauges until the returned function is called (on close). */
export const addGaugeSource = (source: GatewayGaugeSource): (() => void) => {
  sources.add(source);
  return () => sources.delete(source);
};

const sum = (read: (source: GatewayGaugeSource) => number): number => [...sources].reduce((total, source) => total + read(source), 0);

const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new Histogram({
  name: 'chatterroom_http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: HTTP_BUCKETS,
  registers: [register],
});

export const openSockets = new Gauge({
  name: 'chatterroom_open_sockets',
  help: 'Open WebSockets, by endpoint (ws_chat, graphql)',
  labelNames: ['endpoint'] as const,
  registers: [register],
  collect() {
    this.set({ endpoint: 'ws_chat' }, sum((source) => source.wsChatSockets()));
    this.set({ endpoint: 'graphql' }, sum((source) => source.graphqlSockets()));
  },
});

export const fanOutQueuedBytes = new Gauge({
  name: 'chatterroom_fanout_queue_bytes',
  help: 'Bytes of pushes written to this gateway\'s sockets and not yet sent (slow clients back up here)',
  registers: [register],
  collect() {
    this.set(sum((source) => source.queuedBytes()));
  },
});

export const messagesSent = new Counter({
  name: 'chatterroom_messages_sent_total',
  help: 'Messages accepted through this process, by conversation kind (private, room)',
  labelNames: ['conversation'] as const,
  registers: [register],
});

export const pushesDelivered = new Counter({
  name: 'chatterroom_messages_delivered_total',
  help: 'Pushes written to /ws/chat sockets by the fan-out, by frame type (message, ...)',
  labelNames: ['type'] as const,
  registers: [register],
});

export const rateLimitRefusals = new Counter({
  name: 'chatterroom_rate_limit_refusals_total',
  help: 'Requests, frames and connections refused by an abuse limit, by limit',
  labelNames: ['limit'] as const,
  registers: [register],
});
