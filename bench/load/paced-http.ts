import { Agent, request } from 'node:http';
import { nowMs, sleep } from './clock';
import type { LatencyHistogram } from './histogram';

/** One gateway's share of a paced run. */
export interface PacedTarget {
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Keep-alive connections to this gateway; a request waits for a free one. */
  readonly connections: number;
  readonly ratePerSecond: number;
}

export interface PacedResult {
  readonly statusCodes: Record<string, number>;
  readonly errors: number;
  readonly durationSeconds: number;
}

const TIMEOUT_MS = 10_000;

/**
 * Open loop at a fixed rate, evenly spaced: request k to a gateway is due at
 * start + offset + k / rate, whatever the answers before it did, and its latency runs from that
 * due time (a request that waited for a free connection counts its wait), as the WebSocket flows
 * do. Gateways are offset from each other by a fraction of the interval, so their requests
 * interleave. (autocannon's `overallRate` sends each connection's share of a second back to back
 * when the second starts: a burst per second, not a rate.)
 */
export const runPaced = async (targets: readonly PacedTarget[], seconds: number, latency?: LatencyHistogram): Promise<PacedResult[]> => {
  const startAt = nowMs() + 20;
  const endAt = startAt + seconds * 1000;
  return Promise.all(targets.map((target, index) => runOne(target, startAt + (1000 / target.ratePerSecond) * (index / targets.length), endAt, latency)));
};

const runOne = async (target: PacedTarget, firstAt: number, endAt: number, latency?: LatencyHistogram): Promise<PacedResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets: target.connections });
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let inFlight = 0;
  const interval = 1000 / target.ratePerSecond;
  const url = new URL(target.path, target.url);
  const headers = { ...target.headers, 'content-length': String(Buffer.byteLength(target.body)) };

  const send = (dueAt: number): void => {
    inFlight += 1;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      inFlight -= 1;
    };
    const outgoing = request(url, { method: 'POST', agent, headers, timeout: TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) latency?.recordMs(nowMs() - dueAt);
        settle();
      });
      response.on('error', () => {
        if (!settled) errors += 1;
        settle();
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', () => {
      if (!settled) errors += 1;
      settle();
    });
    outgoing.end(target.body);
  };

  let nextAt = firstAt;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = nowMs();
      while (nextAt <= now && nextAt < endAt) {
        send(nextAt);
        nextAt += interval;
      }
      if (nextAt < endAt) setTimeout(tick, Math.max(0, Math.min(1, nextAt - nowMs())));
      else resolve();
    };
    setTimeout(tick, Math.max(0, firstAt - nowMs()));
  });
  const giveUpAt = nowMs() + TIMEOUT_MS + 1_000;
  while (inFlight > 0 && nowMs() < giveUpAt) await sleep(10);
  agent.destroy();
  return { statusCodes, errors, durationSeconds: (endAt - firstAt) / 1000 };
};
