import { Counter, Gauge, register } from 'prom-client';

/** Each time a lost RabbitMQ session was replaced by a new one. */
export const brokerReconnects = new Counter({
  name: 'chatterroom_broker_reconnects_total',
  help: 'RabbitMQ sessions re-established after a lost connection',
  registers: [register],
});

/**
 * Age of the oldest event stored but not yet published. A hook for the outbox relay
 * (issue 11): it sets this gauge; it stays 0 in processes without an outbox.
 */
export const outboxLag = new Gauge({
  name: 'chatterroom_outbox_lag_seconds',
  help: 'Age of the oldest stored event not yet published by the outbox relay (0 when none, or no outbox)',
  registers: [register],
});
