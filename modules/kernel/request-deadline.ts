import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError } from './domain-error';

const storage = new AsyncLocalStorage<number>();

/** The stable code of work dropped because its deadline passed before it touched storage. */
export const DEADLINE_EXCEEDED_CODE = 'DEADLINE_EXCEEDED';

/**
 * The time (epoch ms) by which the work in progress must be done, request-scoped like
 * {@link RequestId}: the gateway runs each HTTP request and WebSocket frame inside
 * {@link RequestDeadline.run} with its own budget, gRPC clients give each call what is left,
 * and a gRPC server runs each call inside the deadline its caller sent.
 */
export const RequestDeadline = {
  /** Runs `work` (and everything it starts) with `deadline`; undefined = no deadline. */
  run<T>(deadline: number | undefined, work: () => T): T {
    return deadline === undefined ? storage.exit(work) : storage.run(deadline, work);
  },
  /** The deadline of the current request, or undefined outside one. */
  current(): number | undefined {
    return storage.getStore();
  },
} as const;

/** The work was dropped before it was done: nothing was stored, a retry may succeed. */
export const deadlineExceeded = (what: string): DomainError =>
  new DomainError(DEADLINE_EXCEEDED_CODE, 'unavailable', `${what} was dropped: its deadline passed before it was done, and nothing was stored; retry`);

/**
 * The check a queue makes right before it lets queued work touch storage: throws
 * DEADLINE_EXCEEDED (503, nothing stored) when `deadline` (epoch ms) is at or before `now`.
 * No deadline never expires.
 */
export const requireBeforeDeadline = (deadline: number | undefined, now: number, what: string): void => {
  if (deadline !== undefined && deadline <= now) throw deadlineExceeded(what);
};
