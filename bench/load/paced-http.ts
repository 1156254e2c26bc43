import { connect, type Socket } from 'node:net';
import { nowMs, sleep } from './clock';
import type { LatencyHistogram } from './histogram';
import { HttpResponseReader } from './http-response-reader';

/** One gateway's share of a paced run. */
export interface PacedTarget {
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Keep-alive connections to this gateway; a request due while all are busy waits for one. */
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
 * when the second starts: a burst per second, not a rate.) Like autocannon, each connection writes
 * one request made once as bytes and reads answers with a minimal parser, so the client costs
 * little per request even at thousands per second.
 */
export const runPaced = async (targets: readonly PacedTarget[], seconds: number, latency?: LatencyHistogram): Promise<PacedResult[]> => {
  const startAt = nowMs() + 20;
  const endAt = startAt + seconds * 1000;
  return Promise.all(targets.map((target, index) => runOne(target, startAt + (1000 / target.ratePerSecond) * (index / targets.length), endAt, latency)));
};

/** One keep-alive connection: at most one request in flight, due times of the requests it carries. */
interface Connection {
  readonly socket: Socket;
  readonly reader: HttpResponseReader;
  dueAt: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

const runOne = async (target: PacedTarget, firstAt: number, endAt: number, latency?: LatencyHistogram): Promise<PacedResult> => {
  const url = new URL(target.url);
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let inFlight = 0;
  const waiting: number[] = [];
  const idle: Connection[] = [];
  const requestBytes = requestOf(target, url);

  const finish = (connection: Connection, status: number | undefined): void => {
    const dueAt = connection.dueAt;
    if (dueAt === undefined) return;
    connection.dueAt = undefined;
    clearTimeout(connection.timer);
    inFlight -= 1;
    if (status === undefined) errors += 1;
    else {
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      if (status >= 200 && status < 300) latency?.recordMs(nowMs() - dueAt);
    }
  };
  const send = (connection: Connection, dueAt: number): void => {
    connection.dueAt = dueAt;
    connection.timer = setTimeout(() => connection.socket.destroy(new Error('timeout')), TIMEOUT_MS);
    connection.socket.write(requestBytes);
  };
  const release = (connection: Connection): void => {
    const next = waiting.shift();
    if (next === undefined) idle.push(connection);
    else send(connection, next);
  };
  const open = (): Connection => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    const connection: Connection = { socket, reader: new HttpResponseReader(), dueAt: undefined, timer: undefined };
    socket.on('data', (chunk: Buffer) => {
      for (const status of connection.reader.push(chunk)) {
        finish(connection, status);
        release(connection);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      finish(connection, undefined);
      const index = idle.indexOf(connection);
      if (index >= 0) idle.splice(index, 1);
      if (nowMs() < endAt || waiting.length > 0) release(open());
    });
    return connection;
  };
  for (let index = 0; index < target.connections; index += 1) idle.push(open());

  const interval = 1000 / target.ratePerSecond;
  let nextAt = firstAt;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = nowMs();
      while (nextAt <= now && nextAt < endAt) {
        inFlight += 1;
        const connection = idle.pop();
        if (connection === undefined) waiting.push(nextAt);
        else send(connection, nextAt);
        nextAt += interval;
      }
      if (nextAt < endAt) setTimeout(tick, Math.max(0, Math.min(1, nextAt - nowMs())));
      else resolve();
    };
    setTimeout(tick, Math.max(0, firstAt - nowMs()));
  });
  const giveUpAt = nowMs() + TIMEOUT_MS + 1_000;
  while (inFlight > 0 && nowMs() < giveUpAt) await sleep(10);
  errors += waiting.length;
  for (const connection of [...idle]) connection.socket.destroy();
  return { statusCodes, errors, durationSeconds: (endAt - firstAt) / 1000 };
};

const requestOf = (target: PacedTarget, url: URL): Buffer => {
  const body = Buffer.from(target.body);
  const headers = { host: url.host, connection: 'keep-alive', ...target.headers, 'content-length': String(body.length) };
  const head = [`POST ${target.path} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head), body]);
};
