import { optionalPageLimit, requirePositiveInt32, validationFailed } from '@chatterroom/kernel';
import { CONVERSATIONS_DEFAULT_LIMIT, CONVERSATIONS_MAX_LIMIT } from '../contracts';

/** The conversation a markRead names: a private one with `peerId`, or a room. */
export type ReadTarget = { readonly kind: 'private'; readonly peerId: number } | { readonly kind: 'room'; readonly roomId: number };

const isGiven = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Checks the conversation of a markRead: exactly one of `peerId` and `roomId`.
 * @throws DomainError VALIDATION_FAILED
 */
export const requireReadTarget = (input: { peerId?: unknown; roomId?: unknown }): ReadTarget => {
  if (isGiven(input.peerId) === isGiven(input.roomId)) throw validationFailed('give exactly one of peerId and roomId');
  return isGiven(input.peerId)
    ? { kind: 'private', peerId: requirePositiveInt32(input.peerId, 'peerId') }
    : { kind: 'room', roomId: requirePositiveInt32(input.roomId, 'roomId') };
};

/**
 * Checks the seq of a markRead: a positive integer.
 * @throws DomainError VALIDATION_FAILED
 */
export const requireReadSeq = (seq: unknown): number => {
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) throw validationFailed('seq must be a positive integer');
  return seq;
};

/**
 * Checks the page size of a conversation list: an integer 1-100, default 20.
 * @throws DomainError VALIDATION_FAILED
 */
export const requireConversationLimit = (limit: unknown): number => optionalPageLimit(limit, CONVERSATIONS_MAX_LIMIT, CONVERSATIONS_DEFAULT_LIMIT);
