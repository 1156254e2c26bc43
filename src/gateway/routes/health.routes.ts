import type { FastifyPluginAsync } from 'fastify';
import { runReadinessChecks, type ReadinessCheck, type ReadinessReport } from '@chatterroom/kernel';
import { healthSchemas } from './health.schemas';
import type { GatewayDrain } from '../gateway-drain';

export interface HealthRoutesOptions {
  /** What must answer for /health/ready (the services, broker and database this process needs). */
  readonly readinessChecks: readonly ReadinessCheck[];
  /** Not ready from the drain's start (the process is stopping). */
  readonly drain: GatewayDrain;
}

/** A report is reused this long, and concurrent requests share one round: probes cannot flood the dependencies. */
const REPORT_TTL_MS = 1_000;

/**
 * GET /health and /health/live: the process serves requests (no dependency is checked).
 * GET /health/ready: 200 while every dependency answers, 503 NOT_READY naming the ones that
 * do not, and from the start of a drain (the process is shutting down).
 */
export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { readinessChecks, drain }) => {
  let last: { at: number; report: Promise<ReadinessReport> } | undefined;
  const report = (): Promise<ReadinessReport> => {
    if (last === undefined || Date.now() - last.at >= REPORT_TTL_MS) last = { at: Date.now(), report: runReadinessChecks(readinessChecks) };
    return last.report;
  };

  app.get('/health', { config: { public: true }, schema: healthSchemas.get }, async () => ({ status: 'ok' }));
  app.get('/health/live', { config: { public: true }, schema: healthSchemas.live }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { config: { public: true }, schema: healthSchemas.ready }, async (_request, reply) => {
    const { ready, checks } = drain.draining ? { ready: false, checks: { process: 'shutting down' } } : await report();
    if (ready) return { status: 'ready', checks };
    const failed = Object.entries(checks).filter(([, outcome]) => outcome !== 'up');
    return reply.code(503).send({
      statusCode: 503,
      code: 'NOT_READY',
      error: 'Service Unavailable',
      message: `Not ready: ${failed.map(([name, reason]) => `${name} (${reason})`).join('; ')}`,
      checks,
    });
  });
};
