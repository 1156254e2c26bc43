import { WebSocket } from 'ws';
import type { EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import { SESSION_REVOKED_V1, type SessionRevokedV1, type TokenClaims } from '@chatterroom/users/contracts';
import { ExpiryHeap, type Expiring } from './expiry-heap';

/** Close codes of sockets whose credential ended (documented in the README). */
export const SessionCloseCodes = {
  /** /ws/chat and GraphQL: the access token expired with no fresh one sent. */
  tokenExpired: 4401,
  /** /ws/chat: the session was revoked (logout, revocation, refresh-token reuse). */
  chatSessionRevoked: 4401,
  /** GraphQL (graphql-transport-ws "Forbidden"): the session was revoked. */
  graphqlSessionRevoked: 4403,
} as const;

export interface TrackedSocket {
  readonly socket: WebSocket;
  /** The close code when the session is revoked. */
  readonly revokedCode: number;
}

interface Entry extends TrackedSocket, Expiring {
  claims: TokenClaims;
}

/** setTimeout's longest delay; a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The sockets of this gateway (/ws/chat and GraphQL) by the session whose credential opened
 * them. Each is closed with 4401 when its access token expires, unless `renew` gave it a
 * newer one first, and at once when `users.session-revoked.v1` names its session (every
 * gateway gets its own copy of that event). One timer, on the earliest expiry, serves every socket.
 */
export class SocketSessions {
  private readonly bySocket = new Map<WebSocket, Entry>();
  private readonly bySession = new Map<string, Set<WebSocket>>();
  /** Sessions revoked while this gateway ran, until their tokens expire: a socket authenticated just before the news is closed too. */
  private readonly revoked = new Map<string, number>();
  private readonly expiries = new ExpiryHeap<Entry>();
  private timer: NodeJS.Timeout | undefined;
  /** When {@link timer} fires (Infinity when none is set). */
  private timerAt = Infinity;
  private stopped = false;
  /** Every tracked socket's 'close' listener (one function, not one per socket). */
  private readonly onSocketClose: (this: WebSocket) => void;

  constructor(private readonly deps: { eventBus: EventBus; logger: Logger }) {
    const untrack = (socket: WebSocket) => this.untrack(socket);
    this.onSocketClose = function (this: WebSocket) {
      untrack(this);
    };
  }

  /** Resolves once revocations are being received. */
  async start(): Promise<void> {
    await this.deps.eventBus.subscribe({ types: [SESSION_REVOKED_V1], delivery: { mode: 'broadcast' } }, async (event) =>
      this.onRevoked(event),
    );
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  track(tracked: TrackedSocket, claims: TokenClaims): void {
    const entry: Entry = { socket: tracked.socket, revokedCode: tracked.revokedCode, claims, expiresAtMs: 0, heapIndex: -1 };
    this.bySocket.set(tracked.socket, entry);
    this.index(entry);
    tracked.socket.on('close', this.onSocketClose);
    if (this.revoked.has(claims.sessionId)) return this.close(entry, entry.revokedCode, 'Session revoked');
    this.arm(entry);
  }

  /** A fresh token for an open socket: it now ends when that one does. */
  renew(socket: WebSocket, claims: TokenClaims): void {
    const entry = this.bySocket.get(socket);
    if (entry === undefined) return;
    this.unindex(entry);
    entry.claims = claims;
    this.index(entry);
    this.arm(entry);
  }

  claimsOf(socket: WebSocket): TokenClaims | undefined {
    return this.bySocket.get(socket)?.claims;
  }

  /** Closes every socket of `sessionId` on this gateway. */
  closeSession(sessionId: string): void {
    for (const socket of [...(this.bySession.get(sessionId) ?? [])]) {
      const entry = this.bySocket.get(socket);
      if (entry !== undefined) this.close(entry, entry.revokedCode, 'Session revoked');
    }
  }

  /** Also for tests: applies one `users.session-revoked.v1`. */
  onRevoked(event: IntegrationEvent): void {
    if (this.stopped) return;
    const { sessionId, tokensValidUntil } = event.payload as Partial<SessionRevokedV1>;
    if (typeof sessionId !== 'string') return;
    const now = Date.now();
    for (const [revokedId, until] of this.revoked) if (until <= now) this.revoked.delete(revokedId);
    const until = Date.parse(tokensValidUntil ?? '');
    this.revoked.set(sessionId, Number.isFinite(until) ? until : now + 3_600_000);
    this.closeSession(sessionId);
  }

  private arm(entry: Entry): void {
    entry.expiresAtMs = Date.parse(entry.claims.expiresAt);
    if (!(entry.expiresAtMs > Date.now())) return this.close(entry, SessionCloseCodes.tokenExpired, 'Token expired');
    this.expiries.push(entry);
    this.schedule();
  }

  /** Sets the one timer for the earliest expiry, unless it is set for that already (or earlier). */
  private schedule(): void {
    const next = this.expiries.peek()?.expiresAtMs;
    if (next === undefined || this.stopped || this.timerAt <= next) return;
    clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(this.expire, Math.min(Math.max(next - Date.now(), 1), MAX_TIMER_MS));
    this.timer.unref();
  }

  /** Closes the sockets whose tokens have expired, then waits for the next expiry. */
  private readonly expire = (): void => {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    for (let entry = this.expiries.peek(); entry !== undefined && entry.expiresAtMs <= now; entry = this.expiries.peek()) {
      this.expiries.remove(entry);
      this.close(entry, SessionCloseCodes.tokenExpired, 'Token expired');
    }
    this.schedule();
  };

  private close(entry: Entry, code: number, reason: string): void {
    this.untrack(entry.socket);
    if (entry.socket.readyState === WebSocket.OPEN || entry.socket.readyState === WebSocket.CONNECTING) {
      this.deps.logger.debug({ userId: entry.claims.userId, code, reason }, 'closing a socket whose credential ended');
      entry.socket.close(code, reason);
    }
  }

  private untrack(socket: WebSocket): void {
    const entry = this.bySocket.get(socket);
    if (entry === undefined) return;
    this.expiries.remove(entry);
    this.unindex(entry);
    this.bySocket.delete(socket);
  }

  private index(entry: Entry): void {
    const sockets = this.bySession.get(entry.claims.sessionId) ?? new Set<WebSocket>();
    sockets.add(entry.socket);
    this.bySession.set(entry.claims.sessionId, sockets);
  }

  private unindex(entry: Entry): void {
    const sockets = this.bySession.get(entry.claims.sessionId);
    sockets?.delete(entry.socket);
    if (sockets?.size === 0) this.bySession.delete(entry.claims.sessionId);
  }
}
