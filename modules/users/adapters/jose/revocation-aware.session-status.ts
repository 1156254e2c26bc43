import type { Clock, EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import type { SessionRevokedV1, UserSessions } from '../../contracts';
import { SESSION_REVOKED_V1 } from '../../contracts';
import type { SessionCheck, SessionStatus } from '../../ports';

export interface RevocationAwareSessionStatusDeps {
  /** The user service (a gRPC client): asked about a session this process has not seen. */
  readonly userSessions: Pick<UserSessions, 'isSessionActive'>;
  readonly eventBus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a live answer is trusted without news (SESSION_CHECK_CACHE_SECONDS). */
  readonly sessionCheckCacheSeconds: number;
}

/** Every process verifying tokens gets its own copy of each revocation. */
export const SESSION_REVOCATIONS_SUBSCRIPTION = { types: [SESSION_REVOKED_V1], delivery: { mode: 'broadcast' } } as const;

const SWEEP_EVERY = 1_000;

/**
 * {@link SessionStatus} for processes outside the users module (gateways, chat service).
 * A session seen for the first time is checked with the user service; a live answer is
 * cached for `sessionCheckCacheSeconds`. `users.session-revoked.v1` (a broadcast copy per
 * process) moves a session to the revoked set at once, where it stays until its tokens
 * have expired, so a revoked token is refused within the bus's delivery time. A process
 * started after a revocation has no cached answer and asks, so it refuses too; a process
 * that missed an event (broker outage) refuses once its cached answer ages out.
 */
export class RevocationAwareSessionStatus implements SessionStatus {
  private readonly live = new Map<string, { userId: number; until: number }>();
  private readonly revoked = new Map<string, number>();
  private operations = 0;

  constructor(private readonly deps: RevocationAwareSessionStatusDeps) {}

  /** Resolves once revocations are being received. */
  async start(): Promise<void> {
    await this.deps.eventBus.subscribe(SESSION_REVOCATIONS_SUBSCRIPTION, async (event) => this.onRevoked(event));
  }

  async isActive(check: SessionCheck): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    this.sweepNow(now);
    if (this.revoked.has(check.sessionId)) return false;
    const cached = this.live.get(check.sessionId);
    if (cached !== undefined && cached.until > now) return cached.userId === check.userId;
    const active = await this.deps.userSessions.isSessionActive({ userId: check.userId, sessionId: check.sessionId });
    if (this.revoked.has(check.sessionId)) return false;
    if (active) this.live.set(check.sessionId, { userId: check.userId, until: now + this.deps.sessionCheckCacheSeconds * 1000 });
    else this.revoked.set(check.sessionId, Math.max(now, Date.parse(check.tokenExpiresAt)) + 60_000);
    return active;
  }

  /** Also for tests: applies one revocation event. */
  onRevoked(event: IntegrationEvent): void {
    const payload = event.payload as Partial<SessionRevokedV1>;
    if (typeof payload.sessionId !== 'string') return;
    const until = Date.parse(payload.tokensValidUntil ?? '');
    this.revoked.set(payload.sessionId, (Number.isFinite(until) ? until : this.deps.clock.now().getTime()) + 60_000);
    this.live.delete(payload.sessionId);
    this.deps.logger.debug({ sessionId: payload.sessionId }, 'session revoked');
  }

  private sweepNow(now: number): void {
    this.operations += 1;
    if (this.operations % SWEEP_EVERY !== 0) return;
    for (const [sessionId, until] of this.revoked) if (until <= now) this.revoked.delete(sessionId);
    for (const [sessionId, entry] of this.live) if (entry.until <= now) this.live.delete(sessionId);
  }
}
