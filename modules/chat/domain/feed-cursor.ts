import { ChatErrors } from '../contracts';

/**
 * A feed cursor: a position of the chat event log and the time the reader was up to
 * date to it (the event's `occurredAt`, or the moment `currentCursor` answered).
 * Clients see it as an opaque string: base64url of `1.<position>.<epoch ms>`.
 */
export interface FeedCursor {
  readonly position: number;
  readonly at: number;
}

const FORMAT = /^1\.(\d{1,15})\.(\d{1,15})$/;

export const encodeFeedCursor = ({ position, at }: FeedCursor): string =>
  Buffer.from(`1.${position}.${Math.max(0, Math.floor(at))}`, 'utf8').toString('base64url');

/** @throws DomainError SYNC_CURSOR_INVALID when `text` is not a cursor this module made */
export const decodeFeedCursor = (text: unknown): FeedCursor => {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64 || !/^[\w-]+$/.test(text)) throw ChatErrors.cursorNotValid();
  const match = FORMAT.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (match === null) throw ChatErrors.cursorNotValid();
  const position = Number(match[1]);
  const at = Number(match[2]);
  if (!Number.isSafeInteger(position) || !Number.isSafeInteger(at)) throw ChatErrors.cursorNotValid();
  return { position, at };
};
