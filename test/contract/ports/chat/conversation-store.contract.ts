import type { ChatMessage } from '@chatterroom/chat/contracts';
import type { ConversationStore, ConversationSummary } from '@chatterroom/chat/ports';

export interface ConversationStoreSubject {
  readonly store: ConversationStore;
  close(): Promise<void>;
}

/** Random ids far above what the tests' stores hand out, so tests on a shared database never meet. */
const freshId = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

const privateMessage = (from: number, to: number, seq: number, text = `m${seq}`): ChatMessage => ({
  messageId: `msg-${from}-${to}-${seq}-${Math.random().toString(36).slice(2)}`,
  kind: 'private',
  senderId: from,
  recipientId: to,
  message: text,
  timestamp: new Date(Date.UTC(2030, 0, 1, 0, 0, seq)).toISOString(),
  seq,
});

const roomMessage = (roomId: number, from: number, seq: number): ChatMessage => ({
  messageId: `room-${roomId}-${seq}-${Math.random().toString(36).slice(2)}`,
  kind: 'room',
  senderId: from,
  roomId,
  message: `r${seq}`,
  timestamp: new Date(Date.UTC(2030, 0, 1, 0, 0, seq)).toISOString(),
  seq,
  clientMessageId: `c-${seq}`,
});

const privateKey = (a: number, b: number) => `private:${Math.min(a, b)}:${Math.max(a, b)}`;
const summaryOf = (conversation: string, message: ChatMessage): ConversationSummary => ({
  conversation,
  lastSeq: message.seq,
  lastMessage: message,
  updatedAt: message.timestamp,
});
const byKey = (summaries: ConversationSummary[]) => [...summaries].sort((a, b) => a.conversation.localeCompare(b.conversation));

/**
 * The {@link ConversationStore} contract, run against every adapter. Each test works on
 * random user and room ids, so existing data does not matter.
 */
export const describeConversationStoreContract = (name: string, makeSubject: () => Promise<ConversationStoreSubject>): void => {
  describe(`ConversationStore contract: ${name}`, () => {
    let subject: ConversationStoreSubject;
    const store = (): ConversationStore => subject.store;

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('keeps the newest message of a room as its summary, exactly as given', async () => {
      const roomId = freshId();
      const conversation = `room:${roomId}`;
      await store().recordMessage({ conversation, message: roomMessage(roomId, 5, 1) });
      const second = roomMessage(roomId, 6, 2);
      await store().recordMessage({ conversation, message: second });
      expect(await store().findMany([conversation])).toEqual([summaryOf(conversation, second)]);
    });

    it('never moves a summary back: an older or repeated seq changes nothing', async () => {
      const roomId = freshId();
      const conversation = `room:${roomId}`;
      const third = roomMessage(roomId, 5, 3);
      await store().recordMessage({ conversation, message: third });
      await store().recordMessage({ conversation, message: roomMessage(roomId, 5, 2) });
      await store().recordMessage({ conversation, message: { ...roomMessage(roomId, 5, 3), message: 'other' } });
      expect(await store().findMany([conversation])).toEqual([summaryOf(conversation, third)]);
    });

    it('keeps the greatest seq when records race', async () => {
      const roomId = freshId();
      const conversation = `room:${roomId}`;
      const messages = Array.from({ length: 8 }, (_, i) => roomMessage(roomId, 5, i + 1));
      await Promise.all([...messages].reverse().map((message) => store().recordMessage({ conversation, message })));
      expect(await store().findMany([conversation])).toEqual([summaryOf(conversation, messages[7]!)]);
    });

    it('finds many summaries at once, leaving out conversations without one', async () => {
      const [roomA, roomB] = [freshId(), freshId()];
      const a = roomMessage(roomA, 1, 1);
      const b = roomMessage(roomB, 1, 4);
      await store().recordMessage({ conversation: `room:${roomA}`, message: a });
      await store().recordMessage({ conversation: `room:${roomB}`, message: b });
      const found = await store().findMany([`room:${roomB}`, `room:${freshId()}`, `room:${roomA}`, `room:${roomA}`]);
      expect(byKey(found)).toEqual(byKey([summaryOf(`room:${roomA}`, a), summaryOf(`room:${roomB}`, b)]));
      expect(await store().findMany([])).toEqual([]);
    });

    it("lists a private conversation under both people from its first message, and under nobody else", async () => {
      const [alice, bob, carol] = [freshId(), freshId(), freshId()];
      const withBob = privateKey(alice, bob);
      const first = privateMessage(alice, bob, 1);
      await store().recordMessage({ conversation: withBob, message: first, participants: [alice, bob] });
      expect(await store().privateOf(bob)).toEqual([summaryOf(withBob, first)]);
      const reply = privateMessage(bob, alice, 2);
      await store().recordMessage({ conversation: withBob, message: reply, participants: [bob, alice] });
      const withCarol = privateKey(alice, carol);
      const toCarol = privateMessage(alice, carol, 1);
      await store().recordMessage({ conversation: withCarol, message: toCarol, participants: [alice, carol] });
      expect(byKey(await store().privateOf(alice))).toEqual(byKey([summaryOf(withBob, reply), summaryOf(withCarol, toCarol)]));
      expect(await store().privateOf(bob)).toEqual([summaryOf(withBob, reply)]);
      expect(await store().privateOf(freshId())).toEqual([]);
    });

    it('lists a conversation with oneself once', async () => {
      const alice = freshId();
      const note = privateMessage(alice, alice, 1);
      await store().recordMessage({ conversation: privateKey(alice, alice), message: note, participants: [alice, alice] });
      expect(await store().privateOf(alice)).toEqual([summaryOf(privateKey(alice, alice), note)]);
    });

    it('does not list rooms as private conversations', async () => {
      const [roomId, member] = [freshId(), freshId()];
      await store().recordMessage({ conversation: `room:${roomId}`, message: roomMessage(roomId, member, 1) });
      expect(await store().privateOf(member)).toEqual([]);
    });

    it('shows an edit of the newest message, and a later edit over an earlier one whatever the order', async () => {
      const roomId = freshId();
      const conversation = `room:${roomId}`;
      const sent = roomMessage(roomId, 7, 3);
      await store().recordMessage({ conversation, message: sent });
      const first = { ...sent, message: 'first fix', editedAt: '2030-01-01T00:01:00.000Z' };
      const second = { ...sent, message: 'second fix', editedAt: '2030-01-01T00:02:00.000Z' };
      await store().recordChange(conversation, second);
      await store().recordChange(conversation, first);
      expect(await store().findMany([conversation])).toEqual([summaryOf(conversation, second)]);
    });

    it('shows the tombstone of a deleted newest message, never text again after it', async () => {
      const [a, b] = [freshId(), freshId()];
      const conversation = privateKey(a, b);
      const sent = privateMessage(a, b, 2);
      await store().recordMessage({ conversation, message: sent, participants: [a, b] });
      const tombstone: ChatMessage = { ...sent, message: '', deleted: true };
      await store().recordChange(conversation, tombstone);
      await store().recordChange(conversation, { ...sent, message: 'late edit', editedAt: '2030-01-01T01:00:00.000Z' });
      expect(await store().privateOf(a)).toEqual([summaryOf(conversation, tombstone)]);
    });

    it('ignores a change of a message that is no longer the newest, or of a conversation without a summary', async () => {
      const roomId = freshId();
      const conversation = `room:${roomId}`;
      const older = roomMessage(roomId, 7, 1);
      const newer = roomMessage(roomId, 7, 2);
      await store().recordMessage({ conversation, message: older });
      await store().recordMessage({ conversation, message: newer });
      await store().recordChange(conversation, { ...older, message: 'edited', editedAt: '2030-01-02T00:00:00.000Z' });
      await store().recordChange(`room:${freshId()}`, { ...older, deleted: true, message: '' });
      expect(await store().findMany([conversation])).toEqual([summaryOf(conversation, newer)]);
    });

    it('a new message after a deleted one is the summary again', async () => {
      const roomId = freshId();
      const conversation = `room:${roomId}`;
      const first = roomMessage(roomId, 7, 1);
      await store().recordMessage({ conversation, message: first });
      await store().recordChange(conversation, { ...first, message: '', deleted: true });
      const next = roomMessage(roomId, 8, 2);
      await store().recordMessage({ conversation, message: next });
      const edited = { ...next, message: 'fixed', editedAt: '2030-01-03T00:00:00.000Z' };
      await store().recordChange(conversation, edited);
      expect(await store().findMany([conversation])).toEqual([summaryOf(conversation, edited)]);
    });

    it('counts the deletions above each read position, once per message, per conversation', async () => {
      const [roomA, roomB, roomC] = [`room:${freshId()}`, `room:${freshId()}`, `room:${freshId()}`];
      for (const seq of [2, 5, 9]) await store().recordDeletion(roomA, seq);
      await store().recordDeletion(roomA, 5);
      await Promise.all([store().recordDeletion(roomB, 1), store().recordDeletion(roomB, 1)]);
      const counts = await store().deletedAfter([
        { conversation: roomA, afterSeq: 4 },
        { conversation: roomB, afterSeq: 0 },
        { conversation: roomC, afterSeq: 0 },
      ]);
      expect(counts).toEqual(new Map([[roomA, 2], [roomB, 1]]));
      expect(await store().deletedAfter([{ conversation: roomA, afterSeq: 9 }])).toEqual(new Map());
      expect(await store().deletedAfter([{ conversation: roomA, afterSeq: 0 }])).toEqual(new Map([[roomA, 3]]));
      expect(await store().deletedAfter([])).toEqual(new Map());
    });
  });
};
