import type { LoggedChatEvent } from '../ports';
import { audienceOf } from '../domain/audience';

/** A room's members as a set, and as the ascending list last made of it (remade only after a change). */
class Members {
  private list: number[] | undefined;
  constructor(private readonly set: Set<number>) {}

  asList(): number[] {
    return (this.list ??= [...this.set].sort((a, b) => a - b));
  }

  /** Undoes a leave: before it, those who left were members. */
  undoLeave(event: LoggedChatEvent): void {
    if (event.membership !== 'leaves' || event.audience.length === 0) return;
    for (const userId of event.audience) this.set.add(userId);
    this.list = undefined;
  }
}

/**
 * The audience each event of a batch (in position order) is published to: the users it names
 * and, for a room event, the room's members at its position. Each room's members are read once
 * per batch (`membersOf`, after the batch's changes are stored) and walked back through the
 * batch's own leaves, so whoever left (or was removed, or lost the room to its deletion) still gets
 * the events of before it: a message just before a deletion reaches the room's members. Joins are
 * not undone: a newcomer may get the events of just before its join (history it may read anyway),
 * as every member of a room created with its members gets each of its creation's events. Events
 * of one room share one members list until a leave changes it.
 */
export const batchAudiences = async (batch: readonly LoggedChatEvent[], membersOf: (roomId: number) => Promise<number[]>): Promise<number[][]> => {
  const roomIds = [...new Set(batch.flatMap((event) => (event.roomId === undefined ? [] : [event.roomId])))];
  const read = await Promise.all(roomIds.map(async (roomId) => [roomId, new Members(new Set(await membersOf(roomId)))] as const));
  const rooms = new Map(read);
  const audiences: number[][] = new Array<number[]>(batch.length);
  for (let index = batch.length - 1; index >= 0; index -= 1) {
    const event = batch[index] as LoggedChatEvent;
    const members = event.roomId === undefined ? undefined : rooms.get(event.roomId);
    if (members === undefined) {
      audiences[index] = [...event.audience];
      continue;
    }
    const list = members.asList();
    audiences[index] = event.audience.length === 0 ? list : audienceOf(list, event.audience);
    members.undoLeave(event);
  }
  return audiences;
};
