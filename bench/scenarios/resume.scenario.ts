import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { LatencyHistogram } from '../load/histogram';
import { runLimited } from '../load/run-limited';
import { BenchApi, type BenchUser } from '../setup/http-api';
import { createRoomWith, createUsers } from '../setup/population';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { round } from './socket-phases';

/** Missed events of the two cases: 1,000 and 10 in the published run, fewer in a smoke run. */
const missedFor = (preset: 'full' | 'smoke'): readonly [number, number] => (preset === 'full' ? [1_000, 10] : [40, 10]);
/** Resumes timed per case, one after another (latency of one client, not throughput). */
const samplesFor = (preset: 'full' | 'smoke'): number => (preset === 'full' ? 50 : 3);
const SEND_CONCURRENCY = 4;
const RESUME_TIMEOUT_MS = 120_000;

const SEND_ATTEMPTS = 6;
/** The text every missed message starts with. */
const MISSED = 'missed ';

/** Posts a room message; a 5xx or a network failure is tried again (same clientMessageId: stored once) after 1, 2, 4... s. */
const post = async (url: string, token: string, body: Record<string, unknown>): Promise<void> => {
  const once = { ...body, clientMessageId: randomUUID() };
  for (let attempt = 1; ; attempt += 1) {
    let why: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(once),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.ok) return;
      if (response.status < 500) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 200)}`);
      why = `${response.status}: ${text.slice(0, 200)}`;
    } catch (error) {
      if (!(error instanceof TypeError) && !(error instanceof DOMException)) throw error;
      why = error.message;
    }
    if (attempt >= SEND_ATTEMPTS) throw new Error(`POST ${url} failed ${attempt} times, last: ${why}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000 * 2 ** (attempt - 1)));
  }
};

/** The user's cursor of "now" (GET /sync without `since`). */
const currentCursor = async (httpUrl: string, user: BenchUser): Promise<string> => {
  const response = await fetch(`${httpUrl}/sync`, { headers: { authorization: `Bearer ${user.token}` }, signal: AbortSignal.timeout(30_000) });
  const body = (await response.json()) as { cursor?: unknown };
  if (!response.ok || typeof body.cursor !== 'string') throw new Error(`GET /sync answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return body.cursor;
};

/** The message texts of frames of type `message` (their `message.message`). */
const messageTextOf = (frame: { type?: string; message?: { message?: unknown } }): string | undefined =>
  frame.type === 'message' && typeof frame.message?.message === 'string' ? frame.message.message : undefined;

/**
 * Pages GET /sync from `since` to its end until it holds `expected` of the messages sent (their
 * announcements get their place in the log asynchronously on the split deployment, after the send was
 * answered): the cursor after them, from which only later sends are missed.
 */
const settledCursor = async (httpUrl: string, user: BenchUser, since: string, expected: number): Promise<string> => {
  const deadline = Date.now() + RESUME_TIMEOUT_MS;
  let cursor = since;
  let seen = 0;
  for (;;) {
    const response = await fetch(`${httpUrl}/sync?since=${encodeURIComponent(cursor)}&limit=500`, {
      headers: { authorization: `Bearer ${user.token}` },
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { events?: Array<{ type?: string; message?: { message?: unknown } }>; cursor?: unknown; hasMore?: unknown };
    if (!response.ok || typeof body.cursor !== 'string') throw new Error(`GET /sync answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    seen += (body.events ?? []).filter((event) => messageTextOf(event)?.startsWith(MISSED) === true).length;
    cursor = body.cursor;
    if (seen >= expected && body.hasMore !== true) return cursor;
    if (Date.now() > deadline) throw new Error(`GET /sync showed ${seen} of the ${expected} messages sent within ${RESUME_TIMEOUT_MS} ms`);
    if (body.hasMore !== true) await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * Opens /ws/chat?since=`since` and resolves with the milliseconds until its `resumed` frame, checking
 * that the replay held each of the `expected` missed messages exactly once (other events, such as the
 * room's own creation when it got its place after `since`, are allowed); closes the socket.
 */
const timedResume = (wsUrl: string, user: BenchUser, since: string, expected: readonly string[]): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = new WebSocket(`${wsUrl}?since=${encodeURIComponent(since)}`, { headers: { authorization: `Bearer ${user.token}` } });
    const replayed: string[] = [];
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.terminate();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`no resumed frame within ${RESUME_TIMEOUT_MS} ms`)), RESUME_TIMEOUT_MS);
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type?: string; replayed?: number; code?: string; message?: { message?: unknown } };
      if (frame.type === 'error') fail(new Error(`resume failed: ${JSON.stringify(frame)}`));
      const text = messageTextOf(frame);
      if (text?.startsWith(MISSED) === true) replayed.push(text);
      if (frame.type !== 'resumed') return;
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      socket.close();
      const sorted = [...replayed].sort();
      const wanted = [...expected].sort();
      if (sorted.length === wanted.length && sorted.every((text, index) => text === wanted[index])) resolve(elapsed);
      else reject(new Error(`replayed ${replayed.length} of the missed messages (${new Set(replayed).size} distinct), expected the ${expected.length} sent`));
    });
    socket.once('unexpected-response', (_request, response) => fail(new Error(`upgrade refused with HTTP ${response.statusCode}`)));
    socket.once('error', fail);
  });

/**
 * A reader misses messages in a room while away, then reconnects with `?since=` its cursor: the
 * time from opening the socket to its `resumed` frame (upgrade with the cursor's check, `ready`,
 * the replay page after page, `resumed`), for 1,000 missed events and for 10, one resume at a
 * time. Not for the baseline relay, which has no cursors.
 */
export const resumeScenario: Scenario = {
  name: 'resume',
  title: 'resume: a client reconnects with ?since= its cursor and replays what it missed (latency of one client)',
  targets: ['monolith', 'monolith-sqlite', 'split', 'split-2chat', 'split-3chat'],
  metrics: [
    { key: 'p50Ms', label: 'p50 ms', digits: 1 },
    { key: 'p99Ms', label: 'p99 ms', digits: 1 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const gateway = target.gateways.at(-1) ?? target.gateways[0];
    if (gateway === undefined) throw new Error('the target has no gateway');
    const httpUrl = target.gateways[0]?.httpUrl ?? gateway.httpUrl;
    const api = new BenchApi(httpUrl, log);
    const [reader, writer] = (await createUsers(api, 2)) as [BenchUser, BenchUser];
    const roomId = await createRoomWith(api, [writer, reader], 'bench-resume');
    const [many, few] = missedFor(options.preset);
    const textsFrom = (from: number, count: number) => Array.from({ length: count }, (_, index) => `${MISSED}${from + index}`);
    const sendMessages = (texts: readonly string[]) =>
      runLimited([...texts], SEND_CONCURRENCY, (message) => post(`${httpUrl}/chats/room/${roomId}`, writer.token, { message }));

    // many - few messages, a cursor after them, then few more: from the first cursor `many` are missed, from the second `few`
    const fromMany = await currentCursor(httpUrl, reader);
    const early = textsFrom(0, many - few);
    const late = textsFrom(many - few, few);
    await sendMessages(early);
    const fromFew = await settledCursor(httpUrl, reader, fromMany, early.length);
    await sendMessages(late);
    await settledCursor(httpUrl, reader, fromFew, late.length);
    log(`${many} messages sent while the reader was away; resuming on ${gateway.wsUrl}`);

    const cases: CaseResult[] = [];
    for (const [missed, since, texts] of [[many, fromMany, [...early, ...late]], [few, fromFew, late]] as const) {
      const histogram = new LatencyHistogram();
      for (let sample = 0; sample < samplesFor(options.preset); sample += 1) histogram.recordMs(await timedResume(gateway.wsUrl, reader, since, texts));
      log(`${missed} missed: p50 ${round(histogram.percentileMs(0.5), 1)} ms, p99 ${round(histogram.percentileMs(0.99), 1)} ms`);
      cases.push({
        case: `resume ${missed.toLocaleString('en-US')} missed events`,
        metrics: { p50Ms: round(histogram.percentileMs(0.5), 1), p99Ms: round(histogram.percentileMs(0.99), 1), samples: histogram.count },
      });
    }
    return cases;
  },
};
