import { PRESENCE_TTL_MS, type PresenceDirectory, type PresenceState } from '../presence/presence-directory.port';

/** {@link PresenceDirectory} of one process (the monolith): marks with expiry times in maps; marks last `ttlMs`. */
export class InMemoryPresenceDirectory implements PresenceDirectory {
  constructor(private readonly options: { readonly ttlMs?: number } = {}) {}

  private get ttlMs(): number {
    return this.options.ttlMs ?? PRESENCE_TTL_MS;
  }

  /** userId -> gatewayId -> mark expiry (ms). */
  private readonly marks = new Map<number, Map<string, number>>();
  private readonly lastSeen = new Map<number, number>();
  private readonly watched = new Map<number, number>();

  async connected(userId: number, gatewayId: string, at: Date): Promise<boolean> {
    const wasOnline = this.liveMarks(userId, at.getTime()).size > 0;
    this.markOf(userId).set(gatewayId, at.getTime() + this.ttlMs);
    return !wasOnline;
  }

  async disconnected(userId: number, gatewayId: string, at: Date): Promise<boolean> {
    const marks = this.liveMarks(userId, at.getTime());
    marks.delete(gatewayId);
    if (marks.size > 0) return false;
    this.marks.delete(userId);
    this.lastSeen.set(userId, at.getTime());
    return true;
  }

  async heartbeat(gatewayId: string, userIds: readonly number[], at: Date): Promise<void> {
    for (const userId of userIds) this.markOf(userId).set(gatewayId, at.getTime() + this.ttlMs);
  }

  async statesOf(userIds: readonly number[], at: Date): Promise<PresenceState[]> {
    return userIds.map((userId) => {
      const marks = this.marks.get(userId);
      const now = at.getTime();
      if (marks !== undefined && [...marks.values()].some((expiry) => expiry > now)) return { userId, status: 'online' };
      const lapsed = marks === undefined ? [] : [...marks.values()].map((expiry) => expiry - this.ttlMs);
      const seen = Math.max(this.lastSeen.get(userId) ?? 0, ...lapsed);
      return seen > 0 ? { userId, status: 'offline', lastSeenAt: new Date(seen).toISOString() } : { userId, status: 'offline' };
    });
  }

  async watch(userIds: readonly number[], at: Date): Promise<void> {
    for (const userId of userIds) this.watched.set(userId, at.getTime() + this.ttlMs);
  }

  async isWatched(userId: number, at: Date): Promise<boolean> {
    return (this.watched.get(userId) ?? 0) > at.getTime();
  }

  private markOf(userId: number): Map<string, number> {
    const marks = this.marks.get(userId) ?? new Map<string, number>();
    this.marks.set(userId, marks);
    return marks;
  }

  private liveMarks(userId: number, now: number): Map<string, number> {
    const marks = this.markOf(userId);
    for (const [gatewayId, expiry] of marks) if (expiry <= now) marks.delete(gatewayId);
    return marks;
  }
}
