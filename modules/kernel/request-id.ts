import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<string>();

/**
 * The id of the request in progress (the client's `X-Request-Id`, or one the gateway made),
 * request-scoped like {@link CallerCredential}: the gateway runs each request inside
 * {@link RequestId.run}, gRPC clients send it as `x-request-id` metadata, services log it.
 */
export const RequestId = {
  /** Runs `work` (and everything it starts) as part of request `id`. */
  run<T>(id: string, work: () => T): T {
    return storage.run(id, work);
  },
  /** The id of the current request, or undefined outside one. */
  current(): string | undefined {
    return storage.getStore();
  },
} as const;

/** What an incoming X-Request-Id may be to be honoured: 1-128 of A-Z a-z 0-9 . _ : - (else a new id is made). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
