import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<string>();

/**
 * The end user's access token for the work in progress, request-scoped: the gateway runs
 * each request, WebSocket frame and GraphQL resolver inside {@link CallerCredential.run},
 * and remote adapters (gRPC clients) attach it to the calls they make, so inbound ports
 * stay free of transport and credential fields. In one process nothing reads it.
 */
export const CallerCredential = {
  /** Runs `work` (and everything it starts, synchronous or not) on behalf of `token`; undefined = anonymous. */
  run<T>(token: string | undefined, work: () => T): T {
    return token === undefined ? storage.exit(work) : storage.run(token, work);
  },
  /** The token of the current request, or undefined outside one (or for an anonymous one). */
  current(): string | undefined {
    return storage.getStore();
  },
} as const;
