/** One message as the client shows it, whatever API it came from (history, send answer, push). */
export interface ChatMessage {
  readonly messageId: string;
  readonly senderId: number;
  readonly text: string;
  readonly timestamp: string;
  /** 1, 2, 3... within its conversation: the order. */
  readonly seq: number;
  /** A deleted message keeps its place (seq) with no author, time or text. */
  readonly deleted?: true;
  /** When its author last edited it (ISO-8601); absent if never. */
  readonly editedAt?: string;
}

/**
 * Whether `candidate` is a later version of the same message than `current`: a deletion beats
 * everything and is final; otherwise the later edit wins.
 */
export const isLaterVersion = (candidate: ChatMessage, current: ChatMessage): boolean => {
  if (current.deleted === true) return false;
  if (candidate.deleted === true) return true;
  return candidate.editedAt !== undefined && (current.editedAt === undefined || candidate.editedAt > current.editedAt);
};

/**
 * `known` and `incoming` as one list without duplicates (same messageId), ordered by seq. Of two
 * copies of one message the later version stays (see {@link isLaterVersion}), so a history page read
 * before an edit arrived does not undo it, and one read after an edit missed while away shows it.
 * Returns `known` itself when nothing new came, so a view can skip re-rendering.
 */
export const mergeMessages = (known: readonly ChatMessage[], incoming: readonly ChatMessage[]): readonly ChatMessage[] => {
  const byId = new Map(known.map((message) => [message.messageId, message]));
  let changed = false;
  for (const message of incoming) {
    const current = byId.get(message.messageId);
    if (current !== undefined && !isLaterVersion(message, current)) continue;
    byId.set(message.messageId, message);
    changed = true;
  }
  if (!changed) return known;
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
};

/**
 * `known` with the message of the same messageId replaced by `changed` (an edit, or a deletion's
 * tombstone); `known` itself when it does not hold that message, holds it already so, or holds
 * its tombstone (a late edit does not bring a deleted message back).
 */
export const replaceMessage = (known: readonly ChatMessage[], changed: ChatMessage): readonly ChatMessage[] => {
  const at = known.findIndex((message) => message.messageId === changed.messageId);
  const before = known[at];
  if (before === undefined || before.deleted === true || (before.text === changed.text && before.deleted === changed.deleted && before.editedAt === changed.editedAt)) return known;
  return known.with(at, changed);
};
