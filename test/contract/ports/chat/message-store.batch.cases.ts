import { randomUUID } from 'node:crypto';
import type { AppendRequest } from '@chatterroom/chat/ports';
import type { MessageStoreSubject } from './message-store.contract';
import { announcementFor, freshId, freshRoom, roomMessage } from './message-store.fixtures';

/** {@link MessageStore.appendBatch}: a group commit of one conversation's appends. */
export const describeAppendBatchCases = (subject: () => MessageStoreSubject): void => {
  describe('appendBatch', () => {
    it('stores the batch in its order under the seqs after the conversation\'s last one', async () => {
      const { roomId, conversation } = freshRoom();
      await subject().store.append(roomMessage(roomId, 3, 'before'));
      const results = await subject().store.appendBatch(['b1', 'b2', 'b3'].map((text, i) => ({ message: roomMessage(roomId, 3 + i, text) })));
      expect(results.map(({ message, created }) => [message.message, message.seq, created])).toEqual([['b1', 2, true], ['b2', 3, true], ['b3', 4, true]]);
      expect((await subject().store.page({ conversation, limit: 10 })).map((message) => message.message)).toEqual(['before', 'b1', 'b2', 'b3']);
    });

    it('answers a repeat of a stored message, and of an earlier request of the batch, with that message and takes no seq for it', async () => {
      const { roomId, conversation } = freshRoom();
      const [stored, inBatch] = [randomUUID(), randomUUID()];
      const earlier = await subject().store.append(roomMessage(roomId, 9, 'stored', stored));
      const results = await subject().store.appendBatch([
        { message: roomMessage(roomId, 9, 'first', inBatch) },
        { message: roomMessage(roomId, 9, 'stored again', stored) },
        { message: roomMessage(roomId, 9, 'first again', inBatch) },
        { message: roomMessage(roomId, 10, 'same id, another sender', inBatch) },
      ]);
      expect(results.map((result) => result.created)).toEqual([true, false, false, true]);
      expect(results[1]?.message).toEqual(earlier.message);
      expect(results[2]?.message).toEqual(results[0]?.message);
      expect((await subject().store.page({ conversation, limit: 10 })).map((message) => [message.message, message.seq])).toEqual([
        ['stored', 1],
        ['first', 2],
        ['same id, another sender', 3],
      ]);
    });

    it('records the announcements of the created messages only, each with its stored message', async () => {
      const { roomId } = freshRoom();
      const reader = freshId();
      const clientMessageId = randomUUID();
      const requests: AppendRequest[] = [
        { message: roomMessage(roomId, 4, 'one', clientMessageId), announcement: announcementFor([reader]) },
        { message: roomMessage(roomId, 4, 'one again', clientMessageId), announcement: announcementFor([reader]) },
        { message: roomMessage(roomId, 4, 'two'), announcement: announcementFor([reader]) },
      ];
      const results = await subject().store.appendBatch(requests);
      const pending = await subject().eventLog.nextToPublish(500);
      const seen = await subject().eventLog.readFor(reader, 0, 10);
      expect(seen.map((event) => event.id)).toEqual([requests[0]?.announcement?.id, requests[2]?.announcement?.id]);
      expect(seen.map((event) => event.payload)).toEqual([results[0], results[2]].map((result) => ({ message: result?.message, audience: [reader] })));
      await subject().eventLog.markPublished(pending.map((event) => event.id));
    });

    it('refuses a batch naming two conversations, storing nothing', async () => {
      const [a, b] = [freshRoom(), freshRoom()];
      await expect(subject().store.appendBatch([{ message: roomMessage(a.roomId, 1, 'a') }, { message: roomMessage(b.roomId, 1, 'b') }])).rejects.toThrow(
        /one conversation/,
      );
      expect(await subject().store.page({ conversation: a.conversation, limit: 10 })).toEqual([]);
    });
  });
};
