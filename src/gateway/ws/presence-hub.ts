import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { isPositiveInt32, presenceBeatMsFor, PRESENCE_TTL_MS, validationFailed, type Logger, type PresenceDirectory, type PresenceState, type Signal, type SignalBus } from '@chatterroom/kernel';
import type { InputFields } from '../api/input-fields';
import type { ConnectionRegistry } from './connection-registry';
import { sendText } from './socket-sender';

export const PRESENCE_SIGNAL = 'presence';

/** At most this many users per `presence.subscribe`. */
export const MAX_PRESENCE_WATCH = 500;

/** How often a gateway renews its marks and watches, and re-reads the states it watches (catching dead gateways). */
export const PRESENCE_BEAT_MS = presenceBeatMsFor(PRESENCE_TTL_MS);

const frameOf = (state: PresenceState): Buffer => Buffer.from(JSON.stringify({ type: 'presence', ...state }));

const isState = (payload: unknown): payload is PresenceState => {
  const state = payload as Partial<PresenceState> | null;
  return typeof state === 'object' && state !== null && isPositiveInt32(state.userId) && (state.status === 'online' || state.status === 'offline');
};

/**
 * Presence on this gateway. It tells the {@link PresenceDirectory} when a user's first socket
 * here opens and their last one closes, renews its marks every {@link PRESENCE_BEAT_MS}, and
 * serves `presence.subscribe`: the current states, then every change of the watched users,
 * pushed only to the sockets watching them. A change is announced (over the SignalBus) only
 * when someone watches that user, and the watching gateways re-read what they watch on each
 * beat, so a dead gateway's users turn offline for their watchers within about a minute.
 * Users nobody watches cost one directory write per first/last socket and nothing else.
 */
export class PresenceHub {
  readonly gatewayId = randomUUID();
  private readonly watchers = new Map<number, Set<WebSocket>>();
  private readonly watching = new WeakMap<WebSocket, readonly number[]>();
  private readonly known = new Map<number, PresenceState>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: {
      directory: PresenceDirectory;
      signalBus: SignalBus;
      connections: ConnectionRegistry;
      logger: Logger;
    },
  ) {}

  async start(beatMs = PRESENCE_BEAT_MS): Promise<void> {
    await this.deps.signalBus.subscribe((signal) => this.receive(signal));
    if (beatMs > 0) {
      this.timer = setInterval(() => void this.beat(), beatMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  /** After `socket` of `userId` was added to the registry. */
  opened(userId: number): void {
    if (this.deps.connections.socketsOf(userId).size !== 1) return;
    void this.guard(async () => {
      if (await this.deps.directory.connected(userId, this.gatewayId, new Date())) await this.announce({ userId, status: 'online' });
    });
  }

  /** After `socket` of `userId` was removed from the registry. */
  closed(userId: number, socket: WebSocket): void {
    this.unwatch(socket);
    if (this.deps.connections.socketsOf(userId).size !== 0) return;
    const at = new Date();
    void this.guard(async () => {
      if (await this.deps.directory.disconnected(userId, this.gatewayId, at)) {
        await this.announce({ userId, status: 'offline', lastSeenAt: at.toISOString() });
      }
    });
  }

  /** `presence.subscribe {userIds}`: replaces what `socket` watches; answers the current states. */
  async subscribe(socket: WebSocket, fields: InputFields): Promise<{ users: PresenceState[] }> {
    const { userIds } = fields;
    if (!Array.isArray(userIds) || userIds.length > MAX_PRESENCE_WATCH || !userIds.every(isPositiveInt32)) {
      throw validationFailed(`userIds must be an array of at most ${MAX_PRESENCE_WATCH} user ids`);
    }
    const wanted = [...new Set(userIds)];
    this.unwatch(socket);
    this.watching.set(socket, wanted);
    for (const userId of wanted) {
      const sockets = this.watchers.get(userId) ?? new Set<WebSocket>();
      sockets.add(socket);
      this.watchers.set(userId, sockets);
    }
    const now = new Date();
    await this.deps.directory.watch(wanted, now);
    const users = await this.deps.directory.statesOf(wanted, now);
    for (const state of users) this.known.set(state.userId, state);
    return { users };
  }

  private async announce(state: PresenceState): Promise<void> {
    if (await this.deps.directory.isWatched(state.userId, new Date())) await this.deps.signalBus.publish({ type: PRESENCE_SIGNAL, payload: state });
  }

  private receive(signal: Signal): void {
    if (signal.type === PRESENCE_SIGNAL && isState(signal.payload)) this.push(signal.payload);
  }

  /** Pushes a state to the sockets watching its user, when it differs from what they were told. */
  private push(state: PresenceState): void {
    const sockets = this.watchers.get(state.userId);
    if (sockets === undefined) return;
    const before = this.known.get(state.userId);
    if (before?.status === state.status && before.lastSeenAt === state.lastSeenAt) return;
    this.known.set(state.userId, state);
    const frame = frameOf(state);
    for (const socket of sockets) sendText(socket, frame, this.deps.logger);
  }

  private async beat(): Promise<void> {
    await this.guard(async () => {
      const now = new Date();
      const local = this.deps.connections.userIds();
      await this.deps.directory.heartbeat(this.gatewayId, local, now);
      const watched = [...this.watchers.keys()];
      await this.deps.directory.watch(watched, now);
      for (const state of await this.deps.directory.statesOf(watched, now)) {
        if (this.known.get(state.userId)?.status !== state.status) this.push(state);
      }
    });
  }

  private unwatch(socket: WebSocket): void {
    for (const userId of this.watching.get(socket) ?? []) {
      const sockets = this.watchers.get(userId);
      sockets?.delete(socket);
      if (sockets?.size === 0) {
        this.watchers.delete(userId);
        this.known.delete(userId);
      }
    }
    this.watching.delete(socket);
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'presence: the directory did not answer; presence may lag');
    }
  }
}
