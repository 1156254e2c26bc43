import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** Parsed JSON as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export type Result = FormattedExecutionResult<Json, Json>;
export type ResultPredicate = (result: Result) => boolean;

/** How a subscription ended: an `error` message's errors, a close of the socket, or `complete`. */
export type Ending =
  | { readonly kind: 'errors'; readonly errors: readonly Json[] }
  | { readonly kind: 'closed'; readonly code: number; readonly reason: string }
  | { readonly kind: 'completed' };

const DEFAULT_WAIT_MS = 5_000;

const endingOf = (failure: unknown): Ending => {
  if (Array.isArray(failure)) return { kind: 'errors', errors: failure };
  const closed = failure as { code?: unknown; reason?: unknown };
  if (typeof closed?.code === 'number') return { kind: 'closed', code: closed.code, reason: String(closed.reason ?? '') };
  return { kind: 'errors', errors: [{ message: String((failure as Error)?.message ?? failure) }] };
};

/** One subscription: every result it receives waits in an inbox until a test takes it. */
export class LiveSubscription {
  readonly ended: Promise<Ending>;
  private readonly inbox: Result[] = [];
  private waiters: Array<{ predicate: ResultPredicate; resolve: (result: Result) => void }> = [];
  private readonly stop: () => void;
  private end: (ending: Ending) => void = () => undefined;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.ended = new Promise((resolve) => (this.end = resolve));
    this.stop = client.subscribe<Json, Json>(
      { query, variables },
      {
        next: (result) => this.receive(result),
        error: (failure) => this.end(endingOf(failure)),
        complete: () => this.end({ kind: 'completed' }),
      },
    );
  }

  /** Takes the first result matching `predicate`, waiting up to `timeoutMs` for it. */
  next(predicate: ResultPredicate = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<Result> {
    const index = this.inbox.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (result: Result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`no matching result within ${timeoutMs} ms; results not taken: ${JSON.stringify(this.inbox)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** How the subscription ended, waiting up to `timeoutMs`. */
  async ending(timeoutMs = DEFAULT_WAIT_MS): Promise<Ending> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the subscription did not end within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.ended, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Results received and not taken yet. */
  pending(): readonly Result[] {
    return [...this.inbox];
  }

  unsubscribe(): void {
    this.stop();
  }

  private receive(result: Result): void {
    const waiter = this.waiters.find((candidate) => candidate.predicate(result));
    if (waiter === undefined) {
      this.inbox.push(result);
      return;
    }
    this.waiters = this.waiters.filter((other) => other !== waiter);
    waiter.resolve(result);
  }
}

/**
 * A graphql-ws client (graphql-transport-ws over the `ws` package) of one `/graphql`
 * WebSocket URL, sending `connectionParams` in connection_init. It never retries, so a
 * refused connection ends its subscriptions with the close code.
 */
export class GraphqlSubscriber {
  private static readonly live = new Set<GraphqlSubscriber>();
  private readonly client: Client;
  private readonly connected: Promise<void>;

  constructor(url: string, connectionParams: Record<string, unknown> = {}) {
    this.client = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    this.connected = new Promise((resolve) => {
      const stop = this.client.on('connected', () => {
        stop();
        resolve();
      });
    });
    GraphqlSubscriber.live.add(this);
  }

  /** Resolves once the server acknowledged the connection (connection_ack); a subscription opens it. */
  async acknowledged(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no connection_ack within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.connected, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A client whose connection_init carries `{ token }`. */
  static withToken(url: string, token: string): GraphqlSubscriber {
    return new GraphqlSubscriber(url, { token });
  }

  /** Disposes every client a test left open (call it in afterEach). */
  static async closeAll(): Promise<void> {
    await Promise.all([...GraphqlSubscriber.live].map((subscriber) => subscriber.close()));
  }

  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription {
    return new LiveSubscription(this.client, query, variables);
  }

  async close(): Promise<void> {
    GraphqlSubscriber.live.delete(this);
    await this.client.dispose();
  }
}
