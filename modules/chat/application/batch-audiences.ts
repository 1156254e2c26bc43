import type { LoggedChatEvent } from '../ports';
import { audienceOf, audienceWith } from '../domain/audience';
import { hasSorted } from '../domain/sorted-ids';

/** How long a relay remembers who left a room: far longer than a change takes to reach the log after it is stored. */
const REMEMBER_LEAVES_MS = 60_000;

/**
 * Who left which room lately, as the events a relay published say (when, epoch ms). A user who
 * left and is among the members the relay reads again has rejoined, but that rejoin's event is
 * not logged yet: for the events until it, they are not a member (so a message sent while they
 * were away is not pushed to them). A logged join forgets the leave; so does time.
 */
export class RecentMemberships {
  private readonly leftAt = new Map<number, Map<number, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Who left the room lately and has no logged join since; undefined when nobody. */
  leaversOf(roomId: number): ReadonlyMap<number, number> | undefined {
    return this.leftAt.get(roomId);
  }

  note(event: LoggedChatEvent): void {
    if (event.roomId === undefined || event.membership === undefined) return;
    const room = this.leftAt.get(event.roomId) ?? new Map<number, number>();
    for (const userId of event.audience) {
      if (event.membership === 'leaves') room.set(userId, this.now());
      else room.delete(userId);
    }
    if (room.size > 0) this.leftAt.set(event.roomId, room);
    else this.leftAt.delete(event.roomId);
  }

  /** Forgets leaves older than {@link REMEMBER_LEAVES_MS}. */
  forgetOld(): void {
    const oldest = this.now() - REMEMBER_LEAVES_MS;
    for (const [roomId, room] of this.leftAt) {
      for (const [userId, at] of room) if (at < oldest) room.delete(userId);
      if (room.size === 0) this.leftAt.delete(roomId);
    }
  }
}

/**
 * The audience each event of a batch (in position order) is published to: the users it names
 * and, for a room event, the room's members at its position. Each room's members are read once
 * per batch (`membersOf`, after the batch's changes are stored; ascending, as `RoomMembership.members()`
 * answers, so an event's audience is that list itself or a copy with the users it names inserted, never a
 * sort of the room), then corrected by the log: whoever
 * leaves later in the batch (or is removed, or loses the room to its deletion) still gets the events
 * of before it, so a message just before a deletion reaches the room's members; and one who left
 * ({@link RecentMemberships}, this batch included) and is read as a member again, their rejoin stored
 * but not yet logged, does not get the events until that rejoin. A join is otherwise not undone: a newcomer may get
 * the events of just before its join (history it may read anyway), as every member of a room
 * created with its members gets each of its creation's events.
 */
export const batchAudiences = async (
  batch: readonly LoggedChatEvent[],
  membersOf: (roomId: number) => Promise<number[]>,
  recent: RecentMemberships = new RecentMemberships(),
): Promise<number[][]> => {
  const roomIds = [...new Set(batch.flatMap((event) => (event.roomId === undefined ? [] : [event.roomId])))];
  const read = new Map(await Promise.all(roomIds.map(async (roomId) => [roomId, await membersOf(roomId)] as const)));
  const leavesAfter = new Map<number, Set<number>>();
  const later: (ReadonlySet<number> | undefined)[] = new Array<ReadonlySet<number> | undefined>(batch.length);
  for (let index = batch.length - 1; index >= 0; index -= 1) {
    const event = batch[index] as LoggedChatEvent;
    if (event.roomId === undefined) continue;
    later[index] = new Set(leavesAfter.get(event.roomId));
    if (event.membership === 'leaves') leavesAfter.set(event.roomId, new Set([...(leavesAfter.get(event.roomId) ?? []), ...event.audience]));
  }
  const audiences: number[][] = [];
  batch.forEach((event, index) => {
    const members = event.roomId === undefined ? undefined : read.get(event.roomId);
    if (event.roomId === undefined || members === undefined) {
      audiences.push([...event.audience]);
      return;
    }
    recent.note(event);
    const leaving = later[index];
    const rejoined = [...(recent.leaversOf(event.roomId)?.keys() ?? [])].filter((userId) => hasSorted(members, userId) && !event.audience.includes(userId));
    if (rejoined.length === 0 && (leaving === undefined || leaving.size === 0)) {
      audiences.push(audienceWith(members, event.audience));
      return;
    }
    const set = new Set([...members, ...(leaving ?? [])]);
    for (const userId of rejoined) set.delete(userId);
    audiences.push(audienceOf([...set], event.audience));
  });
  recent.forgetOld();
  return audiences;
};
