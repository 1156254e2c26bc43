import { Type } from '@sinclair/typebox';
import { ErrorBody, NoQuery, withErrors } from '../schemas/common.schemas';

const Checks = Type.Record(Type.String(), Type.String(), { description: 'each dependency: `up`, or why it does not answer' });

/** GET /health, /health/live and /health/ready. */
export const healthSchemas = {
  get: {
    summary: 'The process serves requests',
    tags: ['health'],
    querystring: NoQuery,
    response: withErrors({ 200: Type.Object({ status: Type.Literal('ok') }) }),
  },
  live: {
    summary: 'Liveness: the process serves requests (no dependency is checked)',
    tags: ['health'],
    querystring: NoQuery,
    response: withErrors({ 200: Type.Object({ status: Type.Literal('ok') }) }),
  },
  ready: {
    summary: 'Readiness: every service, broker and database this process needs answers',
    tags: ['health'],
    querystring: NoQuery,
    response: {
      ...withErrors({ 200: Type.Object({ status: Type.Literal('ready'), checks: Checks }) }),
      503: Type.Composite([ErrorBody, Type.Object({ checks: Checks })], { description: 'NOT_READY: the `checks` that failed say why' }),
    },
  },
} as const;
