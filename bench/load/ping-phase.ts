import { nowMs, sleep } from './clock';
import type { PingStats } from './generator-protocol';
import { LatencyHistogram } from './histogram';
import type { SocketPool } from './socket-pool';

const PONG = Buffer.from('{"type":"pong"');

/**
 * Application-level round trips on idle sockets: `count` sockets spread over the pool each
 * send one `{"type":"ping"}`, spread over `spreadMs`; the pong's delay is recorded.
 */
export const runPingPhase = async (pool: SocketPool, count: number, spreadMs: number, timeoutMs: number): Promise<PingStats> => {
  const latency = new LatencyHistogram();
  const sentAt = new Map<string, number>();
  pool.listener = (_socket, data) => {
    if (data.length < PONG.length || !data.subarray(0, PONG.length).equals(PONG)) return;
    const id = (JSON.parse(data.toString('utf8')) as { id?: unknown }).id;
    const started = typeof id === 'string' ? sentAt.get(id) : undefined;
    if (started === undefined || typeof id !== 'string') return;
    latency.recordMs(nowMs() - started);
    sentAt.delete(id);
  };
  const total = Math.min(count, pool.size);
  const step = pool.size / Math.max(total, 1);
  for (let n = 0; n < total; n += 1) {
    const id = `p${n}`;
    sentAt.set(id, nowMs());
    if (!pool.send(Math.floor(n * step), `{"type":"ping","id":"${id}"}`)) sentAt.delete(id);
    await sleep(spreadMs / Math.max(total, 1));
  }
  const deadline = nowMs() + timeoutMs;
  while (sentAt.size > 0 && nowMs() < deadline) await sleep(20);
  pool.listener = undefined;
  return { answered: latency.count, latency: latency.toSparse() };
};
