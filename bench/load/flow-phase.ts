import { performance } from 'node:perf_hooks';
import { nowMs, sleep, sleepUntil } from './clock';
import type { FlowPlan, FlowSpec, FlowStats } from './generator-protocol';
import { LatencyHistogram } from './histogram';
import type { SocketPool } from './socket-pool';
import { MARKER } from './wire-protocols';

const PONG = Buffer.from('{"type":"pong","id":"q');

interface Flow {
  readonly spec: FlowSpec;
  /** The message text before and after the send time: `b|<key>|` ... `|<padding>`. */
  readonly head: string;
  readonly tail: string;
  inFlight: number;
  nextAt: number;
}

const flowOf = (spec: FlowSpec, padding: number): Flow => ({
  spec,
  head: `b|${spec.key}|`,
  tail: `|${'x'.repeat(padding)}`,
  inFlight: 0,
  nextAt: 0,
});

/**
 * Runs one measured phase on this generator's sockets: sends as the plan says, and reads
 * every pushed message: a delivery counts when it arrives inside the measuring window;
 * its latency (receive time - send time written in the text) when it was sent inside it.
 */
export const runFlowPhase = async (pool: SocketPool, plan: FlowPlan): Promise<FlowStats> => {
  const flows = plan.flows.map((spec) => flowOf(spec, plan.padding));
  const flowBySocket = new Map(flows.map((flow) => [flow.spec.socket, flow]));
  const latency = new LatencyHistogram();
  let deliveries = 0;
  let peerDeliveries = 0;
  let windowSent = 0;
  let windowReceived = 0;
  let errors = 0;
  let firstError: string | undefined;
  let lastDelivery = 0;

  const sendOne = (flow: Flow, stamp: number): boolean => {
    if (!pool.sendMessage(flow.spec.socket, flow.spec.frame, flow.head + stamp.toFixed(3) + flow.tail)) return false;
    flow.inFlight += 1;
    if (stamp >= plan.measureAt && stamp < plan.endAt) windowSent += 1;
    return true;
  };
  const refill = (flow: Flow): void => {
    if (plan.mode !== 'max') return;
    while (flow.inFlight < plan.window && nowMs() < plan.endAt) {
      if (!sendOne(flow, nowMs())) return;
    }
  };

  const deliver = (own: Flow | undefined, data: Buffer, at: number, now: number): void => {
    const text = data.toString('latin1', at + MARKER.length, at + MARKER.length + 48);
    const keyEnd = text.indexOf('|');
    const key = text.slice(0, keyEnd);
    const sentAt = Number(text.slice(keyEnd + 1, text.indexOf('|', keyEnd + 1)));
    const echo = own !== undefined && own.spec.key === key;
    lastDelivery = now;
    if (now >= plan.measureAt && now <= plan.endAt) {
      deliveries += 1;
      if (!echo) peerDeliveries += 1;
    }
    if (sentAt >= plan.measureAt && sentAt < plan.endAt) {
      windowReceived += 1;
      latency.recordMs(now - sentAt);
    }
    if (echo) {
      own.inFlight -= 1;
      refill(own);
    }
  };

  const pings = new LatencyHistogram();
  const pingSentAt = new Map<number, number>();
  let nextPing = 0;

  pool.listener = (socket, data, codec) => {
    const now = nowMs();
    const own = flowBySocket.get(socket);
    if (data.length > PONG.length && data.compare(PONG, 0, PONG.length, 0, PONG.length) === 0) {
      const id = Number(data.toString('latin1', PONG.length, data.indexOf('"', PONG.length)));
      const sentAt = pingSentAt.get(id);
      if (sentAt !== undefined) pings.recordMs(now - sentAt);
      pingSentAt.delete(id);
    } else if (codec.carriesDeliveries(data)) {
      // one frame may batch several publications (Centrifugo): each marker is a delivery
      for (let at = data.indexOf(MARKER); at >= 0; at = data.indexOf(MARKER, at + MARKER.length)) deliver(own, data, at, now);
    } else if (codec.isError(data)) {
      errors += 1;
      firstError ??= data.toString('utf8').slice(0, 300);
      if (own !== undefined) {
        own.inFlight = Math.max(0, own.inFlight - 1);
        refill(own);
      }
    }
  };

  await sleepUntil(plan.startAt);
  if (plan.mode === 'max') flows.forEach(refill);
  else startSchedule(flows, plan, sendOne);
  const pingSockets = plan.pingSockets ?? [];
  if (pingSockets.length > 0 && (plan.pingsPerSecond ?? 0) > 0) {
    const interval = 1000 / (plan.pingsPerSecond ?? 1);
    const ping = (): void => {
      const now = nowMs();
      if (now >= plan.endAt) return;
      if (now >= plan.measureAt) {
        nextPing += 1;
        if (pool.send(pingSockets[nextPing % pingSockets.length] as number, `{"type":"ping","id":"q${nextPing}"}`)) pingSentAt.set(nextPing, now);
      }
      setTimeout(ping, interval);
    };
    ping();
  }
  await sleepUntil(plan.measureAt);
  const eluStart = performance.eventLoopUtilization();
  await sleepUntil(plan.endAt);
  const eventLoopUtilization = performance.eventLoopUtilization(eluStart).utilization;
  const drainUntil = plan.endAt + plan.drainMs;
  while (nowMs() < drainUntil) {
    const settled = flows.every((flow) => flow.inFlight <= 0) && nowMs() - lastDelivery > 150;
    if (settled) break;
    await sleep(25);
  }
  pool.listener = undefined;
  return {
    deliveries, peerDeliveries, windowSent, windowReceived, errors, eventLoopUtilization,
    latency: latency.toSparse(),
    pings: pings.toSparse(),
    ...(firstError === undefined ? {} : { firstError }),
  };
};

/** Open loop: each flow sends on its own schedule, staggered so the flows do not send in bursts. */
const startSchedule = (flows: Flow[], plan: FlowPlan, sendOne: (flow: Flow, stamp: number) => boolean): void => {
  const interval = 1000 / plan.ratePerFlow;
  flows.forEach((flow, index) => {
    flow.nextAt = plan.startAt + (interval * index) / flows.length;
  });
  const tick = (): void => {
    const now = nowMs();
    for (const flow of flows) {
      while (flow.nextAt <= now && flow.nextAt < plan.endAt) {
        sendOne(flow, flow.nextAt);
        flow.nextAt += interval;
      }
    }
    if (now < plan.endAt) setTimeout(tick, 1);
  };
  tick();
};
