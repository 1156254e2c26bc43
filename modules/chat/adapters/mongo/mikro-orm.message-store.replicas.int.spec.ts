import { randomUUID } from 'node:crypto';
import { roomConversation } from '../../domain/conversation-key';
import { roomMessage } from '@chatterroom/test/contract/ports/chat/message-store.fixtures';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import type { AppendRequest } from '../../ports';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { derivedMessageId } from './message.document-mapping';
import { SEND_CLAIMS } from './mongo-send-claims';
import { SEQ_MARKERS } from './mongo-seq-claims';
import { MONGO_SCHEMA_STEPS } from '@chatterroom/platform/mongo/mongo-schema-steps';
import { chatEntities } from '.';

/** Two chat-service replicas: two stores on one database, as the split deployment's composition builds them. */
const twoReplicas = (scratch: ScratchOrm): [MikroOrmMessageStore, MikroOrmMessageStore] => {
  const replica = () => new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: new MikroOrmChatEventLog({ mongoOrm: scratch.orm }) });
  return [replica(), replica()];
};

const send = (roomId: number, senderId: number, text: string, clientMessageId?: string): AppendRequest => ({
  message: roomMessage(roomId, senderId, text, clientMessageId),
});

const seqsOf = async (store: MikroOrmMessageStore, roomId: number): Promise<number[]> => {
  const seqs: number[] = [];
  for (let page = await store.page({ conversation: roomConversation(roomId), limit: 200, afterSeq: 0 }); page.length > 0; ) {
    seqs.push(...page.map((message) => message.seq));
    page = await store.page({ conversation: roomConversation(roomId), limit: 200, afterSeq: seqs[seqs.length - 1] as number });
  }
  return seqs;
};

const oneToN = (n: number): number[] => Array.from({ length: n }, (_, index) => index + 1);

describe('MikroOrmMessageStore: two replicas sending into one conversation at once', () => {
  let scratch: ScratchOrm;

  beforeEach(async () => {
    scratch = await openScratchOrm(mongoTestUrl('chat_seq_replicas'), chatEntities);
  });

  afterEach(async () => {
    await scratch.dispose();
  });

  it('stores a send retried through the other replica once, and the conversation keeps gap-free seqs (12 rounds at once)', async () => {
    const [a, b] = twoReplicas(scratch);
    const rounds = oneToN(12).map((round) => ({ round, key: randomUUID() }));
    const answers = await Promise.all(
      rounds.map(({ round, key }) =>
        Promise.all([
          a.appendBatch([send(5, 1, `before ${round}`), send(5, 2, `keyed ${round}`, key), send(5, 1, `after ${round}`)]),
          b.appendBatch([send(5, 2, `keyed ${round}`, key)]),
        ]),
      ),
    );

    expect(await seqsOf(a, 5)).toEqual(oneToN(36));
    for (const [[, throughA], [throughB]] of answers) {
      expect(throughB?.message.messageId).toBe(throughA?.message.messageId);
      expect(throughB?.message.seq).toBe(throughA?.message.seq);
      expect([throughA?.created, throughB?.created].filter(Boolean)).toHaveLength(1);
    }
    const stored = await a.page({ conversation: roomConversation(5), limit: 200 });
    expect(stored.filter((message) => message.message.startsWith('keyed '))).toHaveLength(12);
  });

  it('gives 2 × 100 concurrent sends without a key the seqs 1..200, each once', async () => {
    const [a, b] = twoReplicas(scratch);
    const results = await Promise.all(
      [a, b].flatMap((store, replica) => oneToN(100).map((index) => store.append(send(6, replica + 1, `r${replica} m${index}`).message))),
    );

    expect(results.map((result) => result.message.seq).sort((x, y) => x - y)).toEqual(oneToN(200));
    expect(await seqsOf(a, 6)).toEqual(oneToN(200));
  });

  it('takes over a send whose claim a replica left behind (it died before storing), and stores it once', async () => {
    const [a, b] = twoReplicas(scratch);
    const key = randomUUID();
    await scratch.orm.em
      .getConnection()
      .getDb()
      .collection<{ _id: string; at: Date }>(SEND_CLAIMS)
      .insertOne({ _id: `${derivedMessageId(2, key)}#1`, at: new Date(Date.now() - 60_000) });

    const [first, second] = await Promise.all([a.append(send(7, 2, 'orphaned', key).message), b.append(send(7, 2, 'orphaned', key).message)]);

    expect(second.message).toEqual(first.message);
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
    expect(await seqsOf(a, 7)).toEqual([1]);
  });

  it('goes on after messages stored before seq markers existed, with a counter that lost increments; schema step 7 raises the counter', async () => {
    const [before] = twoReplicas(scratch);
    for (const text of ['1', '2', '3']) await before.append(send(8, 1, text).message);
    const db = scratch.orm.em.getConnection().getDb();
    await db.collection(SEQ_MARKERS).deleteMany({});
    const counters = db.collection<{ _id: string; value: number }>('counters');
    await counters.updateOne({ _id: 'seq:room:8' }, { $set: { value: 1 } });

    const [after] = twoReplicas(scratch);
    expect((await after.append(send(8, 1, '4').message)).message.seq).toBe(4);
    expect(await seqsOf(after, 8)).toEqual([1, 2, 3, 4]);

    await counters.updateOne({ _id: 'seq:room:8' }, { $set: { value: 1 } });
    await MONGO_SCHEMA_STEPS.find((step) => step.version === 7)?.apply(scratch.orm);
    expect(await counters.findOne({ _id: 'seq:room:8' })).toMatchObject({ value: 4 });
  });
});
