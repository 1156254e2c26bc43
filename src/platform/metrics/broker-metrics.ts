import { Counter, Gauge, register } from 'prom-client';

/** Each time a lost RabbitMQ session was replaced by a new one. */
export const brokerReconnects = new Counter({
  name: 'chatterroom_broker_reconnects_total',
  help: 'RabbitMQ sessions re-established after a lost connection',
  registers: [register],
});

let pendingSince: () => number | undefined = () => undefined;

/**
 * Age of the oldest event stored but not yet published by this process's outbox relay, read at
 * each scrape from {@link watchOutboxLag}'s source; 0 when nothing is pending, or in processes
 * without a relay (gateways, the user service).
 */
export const outboxLag = new Gauge({
  name: 'chatterroom_outbox_lag_seconds',
  help: 'Age of the oldest stored event not yet published by the outbox relay (0 when none, or no outbox)',
  registers: [register],
  collect() {
    const since = pendingSince();
    this.set(since === undefined ? 0 : Math.max(0, Date.now() - since) / 1000);
  },
});

/** Makes `chatterroom_outbox_lag_seconds` report the age of `source()` (epoch ms of the oldest pending event, or undefined). */
export const watchOutboxLag = (source: () => number | undefined): void => {
  pendingSince = source;
};

let relayLeading: () => boolean = () => false;

/**
 * 1 while this process's outbox relay publishes the chat event log; 0 while it stands by (another
 * chat-service replica holds the relay lease), and in processes without a relay (gateways, the user service).
 */
export const outboxRelayLeading = new Gauge({
  name: 'chatterroom_outbox_relay_leading',
  help: 'Whether the outbox relay of this process publishes the chat event log now (1), or stands by for another replica or has no relay (0)',
  registers: [register],
  collect() {
    this.set(relayLeading() ? 1 : 0);
  },
});

/** Makes `chatterroom_outbox_relay_leading` report `source()` (the relay's last answer of its lease). */
export const watchRelayLeading = (source: () => boolean): void => {
  relayLeading = source;
};
