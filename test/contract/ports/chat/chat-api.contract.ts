import { describePrivateMessagingCases } from './chat-api.private-messaging.cases';
import { describeRoomMessagingCases } from './chat-api.room-messaging.cases';
import { describeRoomRegistryCases } from './chat-api.room-registry.cases';
import { describeMessageEditingCases } from './chat-api.message-editing.cases';
import { describeRoomAdministrationCases } from './chat-api.room-administration.cases';
import type { ChatApiSubject } from './chat-api.subject';
import { describeChatValidationCases } from './chat-api.validation.cases';
import { describeConversationsCases } from './chat-api.conversations.cases';

export type { ChatApiSubject } from './chat-api.subject';

/**
 * The chat inbound ports' contract ({@link Messaging}, {@link RoomRegistry}, {@link RoomAdministration}, {@link Conversations} and {@link MessageEditing}), run
 * against the in-process services and against the gRPC client. It touches the ports
 * only, asserts error `code` and `kind`, makes a fresh room per test and never assumes
 * the three users' private conversations are empty (it assumes only that nobody else
 * writes to them while it runs).
 */
export const describeChatApiContract = (name: string, makeSubject: () => Promise<ChatApiSubject>): void => {
  describe(`Chat API contract: ${name}`, () => {
    let subject: ChatApiSubject | undefined;
    const current = (): ChatApiSubject => {
      if (subject === undefined) throw new Error('chat API subject not started');
      return subject;
    };

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject?.close();
    });

    describePrivateMessagingCases(current);
    describeRoomMessagingCases(current);
    describeRoomRegistryCases(current);
    describeRoomAdministrationCases(current);
    describeChatValidationCases(current);
    describeMessageEditingCases(current);
    describeConversationsCases(current);
  });
};
