/**
 * What kind of failure a {@link DomainError} is. Each transport maps the kind to
 * its own status (HTTP in the gateway, gRPC status codes over the wire), so both
 * deployments answer the same failure the same way.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'rate-limited'
  /** Asked about something no longer kept (an expired sync cursor). */
  | 'gone'
  /** The work may or may not have been done: no answer came in time (retry it with its idempotency key). */
  | 'timeout'
  | 'internal';

/**
 * An expected failure with a stable, documented `code` (for example
 * `CHAT_NOT_A_ROOM_MEMBER`). Clients branch on `code`; `message` is for humans.
 * Remote adapters rebuild the same error (same code, kind and message) on the
 * calling side, so callers never know whether the call crossed a process boundary.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    /** Fields the answer carries besides `code` and `message` (e.g. the `clientMessageId` to retry with). */
    readonly details?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Invalid input: the code every module uses for a field that breaks a rule. */
export const validationFailed = (message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', 'invalid', message);
