import type { SparseHistogram } from './histogram';

/**
 * How a socket talks to its server: ChatterRoom's `/ws/chat` frames (the monolith, split, the
 * baseline relay), Centrifugo's JSON protocol, or Socket.IO's (engine.io v4 framing over a
 * plain WebSocket). Every client is the same `ws` client; only the bytes differ.
 */
export type WireProtocol = 'chatterroom' | 'centrifugo' | 'socketio';

/** One WebSocket a generator opens: `/ws/chat?token=...` of one gateway, or a peer's endpoint. */
export interface SocketSpec {
  readonly url: string;
  readonly token: string;
  /** Default `chatterroom`. */
  readonly protocol?: WireProtocol;
  /** Centrifugo and Socket.IO: the channels (rooms) the socket subscribes to before it counts as open. */
  readonly channels?: readonly string[];
}

/** What one sending socket sends, over and over: a ChatterRoom frame, or a publication to a peer's channel. */
export type SendFrame =
  | { readonly type: 'room.send'; readonly roomId: number }
  | { readonly type: 'private.send'; readonly to: number }
  | { readonly type: 'channel.publish'; readonly channel: string };

export interface FlowSpec {
  /** Index into this generator's sockets. */
  readonly socket: number;
  /** Unique in the run; travels in the message text so the sender recognises its own copy. */
  readonly key: string;
  readonly frame: SendFrame;
}

/**
 * One measured phase. `max`: each flow keeps `window` messages in flight, a slot being
 * freed when the sender's own socket receives its copy (closed loop: the server sets the
 * pace). `fixed`: each flow sends `ratePerFlow` messages a second on a schedule, stamped
 * with the scheduled time (open loop, no coordinated omission).
 */
export interface FlowPlan {
  readonly flows: readonly FlowSpec[];
  readonly mode: 'max' | 'fixed';
  readonly window: number;
  readonly ratePerFlow: number;
  /** Wall-clock ms ({@link nowMs}): sending starts (warm-up) ... */
  readonly startAt: number;
  /** ... counting starts ... */
  readonly measureAt: number;
  /** ... sending and counting stop; then up to `drainMs` for messages still on their way. */
  readonly endAt: number;
  readonly drainMs: number;
  /** Characters of filler after the marker, for a realistic message size. */
  readonly padding: number;
  /**
   * Application-level pings sent meanwhile (ChatterRoom sockets), round-robin over these sockets
   * of this generator, this many a second: how long the server takes to answer while it fans out.
   */
  readonly pingSockets?: readonly number[];
  readonly pingsPerSecond?: number;
}

export interface FlowStats {
  /** Pushes received between measureAt and endAt, by every socket of this generator. */
  readonly deliveries: number;
  /** Of those, the ones not received by the sender's own socket. */
  readonly peerDeliveries: number;
  /** Messages this generator sent between measureAt and endAt. */
  readonly windowSent: number;
  /** Copies received (until the drain ended) of messages sent between measureAt and endAt. */
  readonly windowReceived: number;
  readonly latency: { readonly buckets: SparseHistogram; readonly maxMs: number };
  readonly errors: number;
  readonly firstError?: string;
  /** Event-loop utilisation of this generator while counting (1 = saturated). */
  readonly eventLoopUtilization: number;
  /** Pong delays of the pings sent while counting. */
  readonly pings: { readonly buckets: SparseHistogram; readonly maxMs: number };
}

export interface HttpPlan {
  readonly urls: readonly string[];
  readonly path: string;
  readonly token: string;
  readonly body: string;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  readonly overallRate?: number;
}

export interface HttpStats {
  readonly requests: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly durationSeconds: number;
  readonly latency: { readonly buckets: SparseHistogram; readonly maxMs: number };
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly eventLoopUtilization: number;
}

export type GeneratorCommand =
  | { readonly kind: 'connect'; readonly sockets: readonly SocketSpec[]; readonly concurrency: number; readonly timeoutMs: number }
  | { readonly kind: 'flows'; readonly plan: FlowPlan }
  | { readonly kind: 'pings'; readonly count: number; readonly spreadMs: number; readonly timeoutMs: number }
  | { readonly kind: 'http'; readonly plan: HttpPlan }
  | { readonly kind: 'status' }
  | { readonly kind: 'close-sockets'; readonly from: number; readonly count: number }
  | { readonly kind: 'close' };

export interface ConnectStats {
  /** Index of the first of these sockets in the generator's pool (sockets of earlier connects come before). */
  readonly firstIndex: number;
  readonly opened: number;
  readonly failed: number;
  readonly firstError?: string;
  readonly seconds: number;
}

export interface PingStats {
  readonly answered: number;
  readonly latency: { readonly buckets: SparseHistogram; readonly maxMs: number };
}

export interface StatusStats {
  readonly open: number;
}

/** A request travels with a sequence number; the answer carries it back. */
export interface Envelope<T> {
  readonly seq: number;
  readonly body: T;
}

export type GeneratorAnswer = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string };
