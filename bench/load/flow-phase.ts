import { performance } from 'node:perf_hooks';
import { nowMs, sleep, sleepUntil } from './clock';
import type { FlowPlan, FlowSpec, FlowStats } from './generator-protocol';
import { LatencyHistogram } from './histogram';
import type { SocketPool } from './socket-pool';

const MESSAGE_FRAME = Buffer.from('{"type":"message"');
const ERROR_FRAME = Buffer.from('{"type":"error"');
/** Bench messages read `b|<flow key>|<send time ms>|<padding>`. */
const MARKER = Buffer.from('"message":"b|');

const startsWith = (data: Buffer, prefix: Buffer): boolean =>
  data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

interface Flow {
  readonly spec: FlowSpec;
  readonly head: string;
  readonly tail: string;
  inFlight: number;
  nextAt: number;
}

const flowOf = (spec: FlowSpec, padding: number): Flow => {
  const target = spec.frame.type === 'room.send' ? `"roomId":${spec.frame.roomId}` : `"to":${spec.frame.to}`;
  return {
    spec,
    head: `{"type":"${spec.frame.type}",${target},"message":"b|${spec.key}|`,
    tail: `|${'x'.repeat(padding)}"}`,
    inFlight: 0,
    nextAt: 0,
  };
};

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
    if (!pool.send(flow.spec.socket, flow.head + stamp.toFixed(3) + flow.tail)) return false;
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

  pool.listener = (socket, data) => {
    const now = nowMs();
    const own = flowBySocket.get(socket);
    if (startsWith(data, MESSAGE_FRAME)) {
      const at = data.indexOf(MARKER);
      if (at < 0) return;
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
    } else if (startsWith(data, ERROR_FRAME)) {
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
