import type { HistoryPaging, Messaging } from '@chatterroom/chat/contracts';
import { sendDeadline } from './send-deadline';
import { inputFieldsOf, optionalStringField, stringField } from './input-fields';
import { roomHistoryEntry, sentRoomMessageBody, type RoomHistoryEntry, type TombstoneBody, type SentRoomMessageBody } from './message-bodies';

/** Sends `{message, clientMessageId?}` from the caller to a room they belong to. */
export const sendRoomMessage = async (
  deps: { messaging: Messaging },
  callerId: number,
  roomId: number,
  body: unknown,
): Promise<SentRoomMessageBody> => {
  const fields = inputFieldsOf(body);
  const message = stringField(fields, 'message');
  const clientMessageId = optionalStringField(fields, 'clientMessageId');
  const sent = await deps.messaging.sendRoomMessage({
    userId: callerId,
    roomId,
    message,
    ...(clientMessageId === undefined ? {} : { clientMessageId }),
    ...sendDeadline(),
  });
  return sentRoomMessageBody(sent, roomId);
};

/** One page of a room's messages, oldest first, for a member. */
export const getRoomHistory = async (
  deps: { messaging: Messaging },
  callerId: number,
  roomId: number,
  paging: HistoryPaging,
): Promise<Array<RoomHistoryEntry | TombstoneBody>> => {
  const messages = await deps.messaging.getRoomHistory({ userId: callerId, roomId, ...paging });
  return messages.map(roomHistoryEntry);
};
