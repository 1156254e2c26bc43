import { randomUUID } from 'node:crypto';
import { DomainError } from '@chatterroom/kernel';
import { MessageAppendBatcher } from '@chatterroom/chat/application/message-append-batcher';
import type { AppendRequest, AppendResult, MessageStore } from '@chatterroom/chat/ports';
import type { MessageStoreSubject } from './message-store.contract';
import { freshRoom, roomMessage } from './message-store.fixtures';

/** The store as the batcher sees it, counting its group commits (the store underneath is the real one). */
const countingCommits = (store: MessageStore): { store: MessageStore; batches: number[] } => {
  const batches: number[] = [];
  const counted = Object.create(store) as MessageStore;
  counted.appendBatch = (requests: readonly AppendRequest[]) => {
    batches.push(requests.length);
    return store.appendBatch(requests);
  };
  return { store: counted, batches };
};

const seqs = (results: readonly AppendResult[]): number[] => results.map((result) => result.message.seq);
const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/**
 * {@link MessageAppendBatcher} over a real message store: group commit keeps each
 * conversation's order and gap-free seqs, idempotency within and across batches, and answers
 * every caller on its own.
 */
export const describeMessageAppendBatcherContract = (name: string, makeSubject: () => Promise<MessageStoreSubject>): void => {
  describe(`MessageAppendBatcher over ${name}`, () => {
    let subject: MessageStoreSubject;
    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('commits concurrent appends to one conversation in batches, seqs 1..n in call order', async () => {
      const { store, batches } = countingCommits(subject.store);
      const batcher = new MessageAppendBatcher({ messageStore: store });
      const { roomId, conversation } = freshRoom();
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => batcher.append({ message: roomMessage(roomId, 1 + (i % 4), `m${i}`) })));
      expect(seqs(results)).toEqual(oneTo(60));
      expect(results.map((result) => result.message.message)).toEqual(Array.from({ length: 60 }, (_, i) => `m${i}`));
      expect(batches.reduce((sum, size) => sum + size, 0)).toBe(60);
      expect(batches.length).toBeLessThan(60);
      expect((await subject.store.page({ conversation, limit: 100 })).map((message) => message.seq)).toEqual(oneTo(60));
    });

    it('keeps conversations apart: each gets its own gap-free seqs', async () => {
      const batcher = new MessageAppendBatcher({ messageStore: subject.store });
      const [a, b] = [freshRoom(), freshRoom()];
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => batcher.append({ message: roomMessage(i % 2 === 0 ? a.roomId : b.roomId, 5, `x${i}`) })));
      expect(seqs(results.filter((_, i) => i % 2 === 0))).toEqual(oneTo(15));
      expect(seqs(results.filter((_, i) => i % 2 === 1))).toEqual(oneTo(15));
    });

    it('stores one message for repeats of a clientMessageId within a batch and across batches', async () => {
      const batcher = new MessageAppendBatcher({ messageStore: subject.store, maxBatch: 4 });
      const { roomId, conversation } = freshRoom();
      const clientMessageIds = [randomUUID(), randomUUID()];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => batcher.append({ message: roomMessage(roomId, 8, `send ${i % 2}`, clientMessageIds[i % 2]) })),
      );
      expect(results.filter((result) => result.created)).toHaveLength(2);
      expect(new Set(results.map((result) => result.message.messageId)).size).toBe(2);
      expect(results.every((result, i) => result.message.clientMessageId === clientMessageIds[i % 2])).toBe(true);
      expect((await subject.store.page({ conversation, limit: 10 })).map((message) => message.seq)).toEqual([1, 2]);
    });

    it('skips entries aborted or past their deadline when their batch is taken: not stored, failed, the rest gap-free', async () => {
      const batcher = new MessageAppendBatcher({ messageStore: subject.store });
      const { roomId, conversation } = freshRoom();
      const expired = new AbortController();
      const withReason = new AbortController();
      const reason = new DomainError('DEADLINE_EXCEEDED', 'unavailable', 'deadline passed');
      const first = batcher.append({ message: roomMessage(roomId, 2, 'in flight') });
      const queued = [
        batcher.append({ message: roomMessage(roomId, 2, 'kept 1') }),
        batcher.append({ message: roomMessage(roomId, 2, 'expired'), signal: expired.signal }),
        batcher.append({ message: roomMessage(roomId, 2, 'expired too'), signal: withReason.signal }),
        batcher.append({ message: roomMessage(roomId, 2, 'past its deadline'), deadline: Date.now() - 1 }),
        batcher.append({ message: roomMessage(roomId, 2, 'kept 2'), deadline: Date.now() + 60_000 }),
      ];
      expired.abort();
      withReason.abort(reason);
      const settled = await Promise.allSettled([first, ...queued]);
      expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
      expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'DEADLINE_EXCEEDED', kind: 'unavailable' });
      expect((settled[3] as PromiseRejectedResult).reason).toBe(reason);
      expect((settled[4] as PromiseRejectedResult).reason).toMatchObject({ code: 'DEADLINE_EXCEEDED', kind: 'unavailable' });
      expect((await subject.store.page({ conversation, limit: 10 })).map((message) => [message.message, message.seq])).toEqual([
        ['in flight', 1],
        ['kept 1', 2],
        ['kept 2', 3],
      ]);
    });

    it("stores the next batch while the previous batch's afterCommit runs (one batch ahead, one afterCommit at a time), answers each caller after its own batch's afterCommit", async () => {
      const { store, batches } = countingCommits(subject.store);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let running = 0;
      let mostAtOnce = 0;
      const finished: string[] = [];
      const batcher = new MessageAppendBatcher({
        messageStore: store,
        afterCommit: async (_conversation, results) => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          if (results.some((result) => result.message.message === 'first')) await held;
          finished.push(...results.map((result) => result.message.message));
          running -= 1;
        },
      });
      const { roomId, conversation } = freshRoom();
      const answered: string[] = [];
      const first = batcher.append({ message: roomMessage(roomId, 3, 'first') }).then((result) => answered.push(result.message.message));
      await new Promise((resolve) => setImmediate(resolve));
      const later = ['second', 'third'].map((text) => batcher.append({ message: roomMessage(roomId, 3, text) }).then((result) => answered.push(result.message.message)));
      while ((await subject.store.page({ conversation, limit: 10 })).length < 2) await new Promise((resolve) => setImmediate(resolve));
      expect((await subject.store.page({ conversation, limit: 10 })).map((message) => message.message).slice(0, 2)).toEqual(['first', 'second']);
      expect(answered).toEqual([]);
      expect(finished).toEqual([]);
      release();
      await Promise.all([first, ...later]);
      expect(answered).toEqual(['first', 'second', 'third']);
      expect(finished).toEqual(['first', 'second', 'third']);
      expect(mostAtOnce).toBe(1);
      expect(batches.reduce((sum, size) => sum + size, 0)).toBe(3);
    });

    it("fails every caller of a batch whose commit failed, and only them; the next batch goes on", async () => {
      const failure = new Error('after-commit failed');
      let failNext = true;
      const batcher = new MessageAppendBatcher({
        messageStore: subject.store,
        afterCommit: async (_conversation, results) => {
          if (failNext && results.some((result) => result.message.message === 'fails')) {
            failNext = false;
            throw failure;
          }
        },
      });
      const { roomId } = freshRoom();
      const first = batcher.append({ message: roomMessage(roomId, 3, 'fails') });
      const second = batcher.append({ message: roomMessage(roomId, 3, 'next batch') });
      await expect(first).rejects.toBe(failure);
      expect((await second).message.seq).toBe(2);
    });
  });
};
