import type { HistoryPaging, Messaging } from '@chatterroom/chat/contracts';
import { sendDeadline } from './send-deadline';
import { inputFieldsOf, optionalStringField, stringField } from './input-fields';
import { privateHistoryEntry, sentPrivateMessageBody, type PrivateHistoryEntry, type TombstoneBody, type SentPrivateMessageBody } from './message-bodies';

/** Sends `{message, clientMessageId?}` from the caller to `recipientId`. */
export const sendPrivateMessage = async (
  deps: { messaging: Messaging },
  callerId: number,
  recipientId: number,
  body: unknown,
): Promise<SentPrivateMessageBody> => {
  const fields = inputFieldsOf(body);
  const message = stringField(fields, 'message');
  const clientMessageId = optionalStringField(fields, 'clientMessageId');
  const sent = await deps.messaging.sendPrivateMessage({
    fromUserId: callerId,
    toUserId: recipientId,
    message,
    ...(clientMessageId === undefined ? {} : { clientMessageId }),
    ...sendDeadline(),
  });
  return sentPrivateMessageBody(sent, recipientId);
};

/** One page of the caller's conversation with `recipientId`, oldest first. */
export const getPrivateHistory = async (
  deps: { messaging: Messaging },
  callerId: number,
  recipientId: number,
  paging: HistoryPaging,
): Promise<Array<PrivateHistoryEntry | TombstoneBody>> => {
  const messages = await deps.messaging.getPrivateHistory({ fromUserId: callerId, toUserId: recipientId, ...paging });
  return messages.map(privateHistoryEntry);
};
