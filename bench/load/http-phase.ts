import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import type { HttpPlan, HttpStats } from './generator-protocol';
import { LatencyHistogram } from './histogram';
import { runPaced } from './paced-http';

const splitEvenly = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0));

interface RunResult {
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly durationSeconds: number;
}

/** As fast as the gateways answer (autocannon, closed loop), or paced at `plan.overallRate` ({@link runPaced}). */
const runOnce = async (plan: HttpPlan, seconds: number, latency?: LatencyHistogram): Promise<RunResult[]> => {
  const connections = splitEvenly(Math.max(plan.connections, plan.urls.length), plan.urls.length);
  const headers = { authorization: `Bearer ${plan.token}`, 'content-type': 'application/json' };
  if (plan.overallRate !== undefined) {
    const rates = splitEvenly(Math.round(plan.overallRate), plan.urls.length);
    return runPaced(
      plan.urls.map((url, index) => ({
        url, path: plan.path, headers, body: plan.body, connections: connections[index] ?? 1, ratePerSecond: Math.max(1, rates[index] ?? 1),
      })),
      seconds,
      latency,
    );
  }
  const results = await Promise.all(
    plan.urls.map((url, index) => {
      const instance = autocannon({
        url: `${url}${plan.path}`,
        method: 'POST',
        headers,
        body: plan.body,
        connections: connections[index] ?? 1,
        duration: seconds,
        timeout: 10,
      });
      if (latency !== undefined) {
        instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
          if (statusCode >= 200 && statusCode < 300) latency.recordMs(ms);
        });
      }
      return Promise.resolve(instance);
    }),
  );
  return results.map((result) => ({
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    errors: result.errors,
    durationSeconds: result.duration,
  }));
};

/**
 * autocannon against every gateway at once (connections and rate split between them): a
 * warm-up run, then the measured one. Latencies of 2xx answers go into one histogram, so
 * several gateways merge exactly.
 */
export const runHttpPhase = async (plan: HttpPlan): Promise<HttpStats> => {
  if (plan.warmupSeconds > 0) await runOnce(plan, plan.warmupSeconds);
  const latency = new LatencyHistogram();
  const eluStart = performance.eventLoopUtilization();
  const results = await runOnce(plan, plan.durationSeconds, latency);
  const eventLoopUtilization = performance.eventLoopUtilization(eluStart).utilization;
  const statusCodes: Record<string, number> = {};
  for (const result of results) {
    for (const [code, count] of Object.entries(result.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const ok = Object.entries(statusCodes).filter(([code]) => code.startsWith('2')).reduce((sum, [, count]) => sum + count, 0);
  return {
    requests,
    ok,
    non2xx: requests - ok,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    durationSeconds: Math.max(...results.map((result) => result.durationSeconds)),
    latency: latency.toSparse(),
    statusCodes,
    eventLoopUtilization,
  };
};
