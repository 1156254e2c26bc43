import type { MessageEditing } from '@chatterroom/chat/contracts';
import { inputFieldsOf, stringField } from './input-fields';
import { editedMessageBody, tombstoneBody, type EditedMessageBody, type TombstoneBody } from './message-bodies';

/** The caller edits their message: `{message}` is the new text. */
export const editMessage = async (
  deps: { messageEditing: MessageEditing },
  callerId: number,
  messageId: string,
  body: unknown,
): Promise<EditedMessageBody> => {
  const message = stringField(inputFieldsOf(body), 'message');
  return editedMessageBody(await deps.messageEditing.editMessage({ userId: callerId, messageId, message }));
};

/** The caller deletes a message (theirs, or one of a room they moderate); answers its tombstone. */
export const deleteMessage = async (deps: { messageEditing: MessageEditing }, callerId: number, messageId: string): Promise<TombstoneBody> =>
  tombstoneBody(await deps.messageEditing.deleteMessage({ userId: callerId, messageId }));
