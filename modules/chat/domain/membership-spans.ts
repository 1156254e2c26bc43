import type { LoggedChatEvent, MembershipChange } from '../ports';

/** A room event that names a user: where it is, its room, and whether the user joined or left there. */
export interface NamedRoomEvent {
  readonly position: number;
  readonly roomId: number;
  readonly membership?: MembershipChange | null;
}

/**
 * When one user was a member of which room, over the positions after a cursor: from the room
 * events after it that name the user (in any order) and the rooms the user is in now. At a
 * position, the user was in a room when the first of those events after the position left it,
 * was not when it joined it, and, with none after it, when the room is one of theirs now and the
 * last of those events (if any) did not leave it. "Now" is read before the log (a feed reads the
 * user's rooms, then the events): a leave logged in between is then still among the rooms of
 * now, and without that last condition the events after it would reach the user who left.
 */
export class MembershipSpans {
  private readonly changes = new Map<number, { position: number; membership: MembershipChange }[]>();
  private readonly current: ReadonlySet<number>;
  private readonly named = new Set<number>();

  constructor(named: readonly NamedRoomEvent[], roomsNow: readonly number[]) {
    this.current = new Set(roomsNow);
    for (const event of named) {
      this.named.add(event.roomId);
      if (event.membership === undefined || event.membership === null) continue;
      const list = this.changes.get(event.roomId) ?? [];
      list.push({ position: event.position, membership: event.membership });
      this.changes.set(event.roomId, list);
    }
    for (const list of this.changes.values()) list.sort((a, b) => a.position - b.position);
  }

  /** True when the user was a member of `roomId` at `position`. */
  includes(roomId: number, position: number): boolean {
    const list = this.changes.get(roomId);
    const next = list === undefined ? undefined : firstAfter(list, position);
    if (next !== undefined) return next.membership === 'leaves';
    return this.current.has(roomId) && list?.at(-1)?.membership !== 'leaves';
  }

  /** Every room whose events the user may see after the cursor (now theirs, or named in one of their events), ascending. */
  rooms(): number[] {
    return [...new Set([...this.current, ...this.named])].sort((a, b) => a - b);
  }

  /** True when the user may see `event`: it names them, or it is an event of a room they were in at its position. */
  sees(userId: number, event: Pick<LoggedChatEvent, 'audience' | 'roomId' | 'position'>): boolean {
    if (event.audience.includes(userId)) return true;
    return event.roomId !== undefined && event.roomId !== null && this.includes(event.roomId, event.position);
  }
}

/** The first change with a position above `position` (binary search in an ascending list). */
const firstAfter = <T extends { position: number }>(list: readonly T[], position: number): T | undefined => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as T).position <= position) low = middle + 1;
    else high = middle;
  }
  return list[low];
};
