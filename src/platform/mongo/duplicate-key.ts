import { UniqueConstraintViolationException } from '@mikro-orm/core';

const DUPLICATE_KEY = 11000;

/**
 * True for a write refused by a unique index: MikroORM's UniqueConstraintViolationException
 * (what `em.insert` throws) or the driver's own error with code 11000 (native calls).
 * MongoDB names the index in `keyPattern`/`keyValue`; FerretDB says only "E11000 duplicate
 * key error collection: <db>.<collection>", so callers find out which key clashed by reading.
 */
export const isDuplicateKeyError = (error: unknown): boolean =>
  error instanceof UniqueConstraintViolationException ||
  (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY);
