import { UniqueConstraintViolationException } from '@mikro-orm/core';

const DUPLICATE_KEY = 11000;

/** How FerretDB (SQLite backend) words a unique index refusing an update: code 1, not 11000. */
const FERRETDB_UNIQUE_UPDATE = 'UNIQUE constraint failed';

/**
 * True for a write refused by a unique index: MikroORM's UniqueConstraintViolationException
 * (what `em.insert` throws), the driver's own error with code 11000 (native calls), or
 * FerretDB's answer to an update that a unique index refuses (an internal error naming the
 * constraint). MongoDB names the index in `keyPattern`/`keyValue`; FerretDB says only
 * "E11000 duplicate key error collection: <db>.<collection>", so callers find out which key
 * clashed by reading.
 */
export const isDuplicateKeyError = (error: unknown): boolean =>
  error instanceof UniqueConstraintViolationException ||
  (typeof error === 'object' &&
    error !== null &&
    ((error as { code?: unknown }).code === DUPLICATE_KEY || String((error as { message?: unknown }).message).includes(FERRETDB_UNIQUE_UPDATE)));
