import { createHash } from 'node:crypto';
import { eventually, newUserOn, uniqueText, type Json, type TestUser } from '@chatterroom/test/harness/system';
import { freePort } from '@chatterroom/test/harness/system/free-port';
import { startOwnFerretDb, type OwnFerretDb } from '@chatterroom/test/harness/services/own-ferretdb';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 13, part 2: deadlines end work and answers tell the truth. Two chat-service replicas
 * and two gateways, on a FerretDB of this test's own, take a burst of 500 concurrent sends
 * into one room, half with a clientMessageId. One gateway gives a request a tiny budget
 * (REQUEST_DEADLINE_MS), so its sends fail in the overload; the other a generous one, so the
 * burst also has sends that succeed, and both kinds meet in the same commits and seqs.
 * Afterwards: every 201 is stored exactly once; every 503 stored nothing;
 * every 504 CHAT_SEND_OUTCOME_UNKNOWN names the key that, sent again, returns the stored
 * message or stores it now, once; a repeated 201 answers the same messageId and seq; the
 * room's seqs are 1..n with no gap and no text twice.
 */

jest.setTimeout(300_000);

const BURST = 500;
const SENDERS = 10;
/** gateway-1's budget: the overloaded service cannot answer within it. */
const TINY_DEADLINE_MS = '250';
/** gateway-2's: a send through it waits out the burst (the default budget). */
const GENEROUS_DEADLINE_MS = '30000';

type Outcome =
  | { readonly kind: 'stored'; readonly text: string; readonly key?: string; readonly messageId: string; readonly seq: number }
  | { readonly kind: 'not-stored'; readonly text: string; readonly code: string }
  | { readonly kind: 'unknown'; readonly text: string; readonly key: string; readonly sender: TestUser };

interface Send {
  readonly sender: TestUser;
  readonly text: string;
  readonly key?: string;
}

const fingerprint = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 12);

const sendOnce = async (roomId: number, { sender, text, key }: Send): Promise<Outcome> => {
  const response = await sender.http.post(`/chats/room/${roomId}`, { message: text, ...(key === undefined ? {} : { clientMessageId: key }) });
  const body = response.body as Json;
  if (response.status === 201) return { kind: 'stored', text, ...(key === undefined ? {} : { key }), messageId: body.messageId as string, seq: body.seq as number };
  if (response.status === 503) return { kind: 'not-stored', text, code: body.code as string };
  if (response.status === 504 && body.code === 'CHAT_SEND_OUTCOME_UNKNOWN' && typeof body.clientMessageId === 'string') {
    if (key !== undefined) expect(body.clientMessageId).toBe(key);
    return { kind: 'unknown', text, key: body.clientMessageId, sender };
  }
  throw new Error(`send ${fingerprint(text)} answered ${response.status} ${JSON.stringify(body)}`);
};

/** Sends again with the same key until an answer says where the message is; a stored one is never stored twice. */
const settle = (roomId: number, unknown: Extract<Outcome, { kind: 'unknown' }>): Promise<Extract<Outcome, { kind: 'stored' }>> =>
  eventually(async () => {
    const again = await sendOnce(roomId, { sender: unknown.sender, text: unknown.text, key: unknown.key });
    if (again.kind !== 'stored') throw new Error(`retry of ${unknown.key} answered ${again.kind}`);
    return again;
  }, { timeoutMs: 60_000, intervalMs: 200 });

/** Every message of the room, oldest first, paging backwards from the newest. */
const wholeHistory = async (reader: TestUser, roomId: number): Promise<Json[]> => {
  const pages: Json[][] = [];
  let before: string | undefined;
  for (;;) {
    const page = await eventually(async () => {
      const response = await reader.http.get(`/chats/room/${roomId}/history?limit=200${before === undefined ? '' : `&before=${before}`}`);
      expect(response.status).toBe(200);
      return response.body as Json[];
    }, { timeoutMs: 30_000, intervalMs: 200 });
    if (page.length === 0) break;
    pages.unshift(page);
    before = page[0]?.messageId as string;
  }
  return pages.flat();
};

describe('a burst of 500 sends into one room, two chat-service replicas, a tiny deadline on one gateway', () => {
  const started = new StartedProcesses();
  let ferret: OwnFerretDb;
  let target: RunningTarget;
  let owner: TestUser;
  let senders: TestUser[];
  let roomId: number;

  beforeAll(async () => {
    ferret = await startOwnFerretDb(await freePort());
    const run = Date.now().toString(36);
    target = started.addTarget(
      await startSplit({
        ...targetOptions({
          RATE_LIMITS: 'off',
          USERS_MONGO_URL: ferret.urlOf(`burst_users_${run}`),
          CHAT_MONGO_URL: ferret.urlOf(`burst_chat_${run}`),
        }),
        chatReplicas: 2,
        gatewayEnv: [{ REQUEST_DEADLINE_MS: TINY_DEADLINE_MS }, { REQUEST_DEADLINE_MS: GENEROUS_DEADLINE_MS }],
      }),
    );
    const user = (index: number) => eventually(() => newUserOn(target.endpoints, index), { timeoutMs: 60_000, intervalMs: 200 });
    owner = await user(0);
    senders = [];
    for (let index = 0; index < SENDERS; index += 1) senders.push(await user(index));
    roomId = await eventually(async () => {
      const created = await owner.http.post('/rooms/create', { name: uniqueText('burst') });
      expect(created.status).toBe(201);
      return created.body.roomId as number;
    }, { timeoutMs: 60_000, intervalMs: 200 });
    for (const sender of senders) {
      await eventually(async () => expect((await sender.http.post(`/rooms/${roomId}/join`)).status).toBe(200), { timeoutMs: 60_000, intervalMs: 200 });
    }
  }, 240_000);

  afterAll(async () => {
    await started.cleanUp();
    await ferret?.remove();
  }, 60_000);

  it('stores every 201 once, nothing of a 503, every unknown outcome once after a retry with its key, seq gap-free', async () => {
    const sends: Send[] = Array.from({ length: BURST }, (_, index) => {
      const text = uniqueText(`burst ${index}`);
      return { sender: senders[index % SENDERS] as TestUser, text, ...(index % 2 === 0 ? { key: `burst-${fingerprint(text)}` } : {}) };
    });
    const outcomes = await Promise.all(sends.map((send) => sendOnce(roomId, send)));
    const stored = outcomes.filter((outcome) => outcome.kind === 'stored');
    const notStored = outcomes.filter((outcome) => outcome.kind === 'not-stored');
    const unknown = outcomes.filter((outcome) => outcome.kind === 'unknown');
    process.stdout.write(`burst of ${BURST}: ${stored.length} stored (201), ${notStored.length} not stored (503), ${unknown.length} outcome unknown (504)\n`);
    expect(notStored.length + unknown.length).toBeGreaterThan(0);
    expect(stored.length).toBeGreaterThan(0);
    for (const outcome of notStored) expect(['DEADLINE_EXCEEDED', 'SERVICE_UNAVAILABLE']).toContain(outcome.code);

    const settled = [];
    for (const outcome of unknown) settled.push(await settle(roomId, outcome));
    for (const outcome of stored.filter((candidate) => candidate.key !== undefined).slice(0, 20)) {
      const send = sends.find((candidate) => candidate.text === outcome.text) as Send;
      const again = await settle(roomId, { kind: 'unknown', text: send.text, key: send.key as string, sender: send.sender });
      expect({ messageId: again.messageId, seq: again.seq }).toEqual({ messageId: outcome.messageId, seq: outcome.seq });
    }

    const history = await wholeHistory(owner, roomId);
    const seqs = history.map((message) => message.seq as number);
    expect(seqs).toEqual(Array.from({ length: history.length }, (_, index) => index + 1));
    const texts = history.map((message) => message.message as string);
    expect(new Set(texts).size).toBe(texts.length);
    const byText = new Map(history.map((message) => [message.message as string, message]));
    for (const outcome of [...stored, ...settled]) {
      expect(byText.get(outcome.text)).toMatchObject({ messageId: outcome.messageId, seq: outcome.seq });
    }
    const notStoredTexts = new Set(notStored.map((outcome) => outcome.text));
    expect(texts.filter((text) => notStoredTexts.has(text))).toEqual([]);
    expect(history.length).toBe(stored.length + settled.length);
  });
});
