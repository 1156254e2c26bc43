import { Type } from '@sinclair/typebox';
import { NoQuery, withErrors } from '../schemas/common.schemas';

/** GET /health. */
export const healthSchemas = {
  get: {
    summary: 'The process serves requests',
    tags: ['health'],
    querystring: NoQuery,
    response: withErrors({ 200: Type.Object({ status: Type.Literal('ok') }) }),
  },
} as const;
