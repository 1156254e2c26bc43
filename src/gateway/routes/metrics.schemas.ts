import { Type } from '@sinclair/typebox';
import { NoQuery, withErrors } from '../schemas/common.schemas';

/** GET /metrics. */
export const metricsSchemas = {
  get: {
    summary: 'Prometheus metrics of this process (text exposition format)',
    tags: ['health'],
    querystring: NoQuery,
    produces: ['text/plain'],
    response: withErrors({ 200: Type.String({ description: 'Prometheus text exposition format 0.0.4' }) }),
  },
} as const;
