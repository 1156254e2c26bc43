import type { ChatMessage } from '../contracts';

/**
 * Orders the states of one message so a later change always wins, whatever order writers
 * land in: as sent (''), edited (its `editedAt`, ISO-8601, later is greater), deleted ('~',
 * above every timestamp: a tombstone never turns back into text).
 */
export const changeRankOf = (message: ChatMessage): string => {
  if (message.deleted === true) return '~';
  return message.editedAt ?? '';
};
