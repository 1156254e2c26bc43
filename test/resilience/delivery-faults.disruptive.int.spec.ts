import {
  eventually, newUserOn, pushWithText, roomHistory, roomWith, uniqueSuffix, uniqueText,
  type ChatSocket, type Frame, type Json, type TestUser,
} from '../harness/system';
import { grpcServing } from '../harness/system/readiness';
import type { RunningTarget } from '../harness/system/targets/running-target';
import { startSplit } from '../harness/system/targets/split.target';
import { startOwnRabbitMqNode, type OwnRabbitMqNode } from '../../src/platform/amqp/testing/own-rabbitmq-node';
import { startOwnRedisServer, type OwnRedisServer } from '../../src/platform/redis/own-redis-server.testing';
import { bounded, processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 11: no stored message goes unannounced, and nothing reaches a listener twice, when the
 * broker stops mid-burst or the chat service is SIGKILLed mid-burst. A split deployment of its
 * own on a RabbitMQ node and a Redis of its own (never the machine's), with two gateways.
 */

jest.setTimeout(240_000);

const OWN_AMQP_PORT = 43_682;
const OWN_REDIS_PORT = 43_379;
const BURST = 30;

/** Sends one room message, retrying with the same clientMessageId until it is acknowledged (as a careful client does). */
const sendUntilAcknowledged = (from: TestUser, roomId: number, text: string): Promise<Json> => {
  const clientMessageId = `burst-${uniqueSuffix()}`;
  return eventually(
    async () => {
      const response = await from.http.post(`/chats/room/${roomId}`, { message: text, clientMessageId });
      if (response.status !== 201) throw new Error(`not acknowledged: ${response.status}`);
      return response.body;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
};

/** Every text pushed to the socket exactly once (waiting for each), and nothing more of them afterwards. */
const expectEachOnce = async (socket: ChatSocket, texts: readonly string[]): Promise<void> => {
  for (const text of texts) await socket.next(pushWithText(text), 60_000);
  await socket.expectNothing((frame: Frame) => frame.type === 'message' && texts.includes((frame.message as { message: string }).message), 1_000);
};

/** The frames a socket opened with `since` replays before its `resumed` frame. */
const replayedTexts = async (socket: ChatSocket): Promise<string[]> => {
  await socket.next((frame) => frame.type === 'resumed', 60_000);
  return socket.pending().flatMap((frame) => (frame.type === 'message' ? [(frame.message as { message: string }).message] : []));
};

describe('split deployment: delivery through faults', () => {
  const started = new StartedProcesses();
  let broker: OwnRabbitMqNode;
  let redis: OwnRedisServer;
  let target: RunningTarget;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let roomId: number;

  beforeAll(async () => {
    broker = await startOwnRabbitMqNode(OWN_AMQP_PORT);
    redis = await startOwnRedisServer(OWN_REDIS_PORT);
    target = started.addTarget(await startSplit(targetOptions({ AMQP_URL: broker.url, REDIS_URL: redis.url })));
    alice = await newUserOn(target.endpoints, 0);
    bob = await newUserOn(target.endpoints, 1);
    carol = await newUserOn(target.endpoints, 0);
    roomId = await roomWith(alice, bob, carol);
  }, 240_000);

  afterAll(async () => {
    await started.cleanUp();
    await redis?.kill();
    await broker?.close();
  }, 120_000);

  it('pushes every message acknowledged while RabbitMQ was stopped, once, to every listener, after it returns', async () => {
    const sockets = [await bob.ws(), await carol.ws({ gateway: 1 }), await alice.ws()];
    const texts = Array.from({ length: BURST }, (_, index) => uniqueText(`broker burst ${index}`));
    for (const [index, text] of texts.entries()) {
      if (index === BURST / 3) await broker.stopApp();
      if (index === (2 * BURST) / 3) await broker.startApp();
      // Stored (201) whether or not the broker is there: sends do not wait for it.
      const response = await alice.http.post(`/chats/room/${roomId}`, { message: text });
      expect(response.status).toBe(201);
    }
    for (const socket of sockets) await expectEachOnce(socket, texts);
    const history = await roomHistory(bob, roomId, { limit: 200 });
    for (const text of texts) expect(history.filter((message) => message.message === text)).toHaveLength(1);
  });

  it('stores every acknowledged message once and delivers it exactly once when the chat service is SIGKILLed mid-burst', async () => {
    const live = [await bob.ws(), await carol.ws({ gateway: 1 })];
    const since = live.map((socket) => socket.ready?.cursor as string);
    const texts = Array.from({ length: BURST }, (_, index) => uniqueText(`kill burst ${index}`));
    const chatService = processNamed(target, 'chat-service');
    const port = Number(chatService.env.GRPC_PORT);
    let restarted: Promise<unknown> = Promise.resolve();
    for (const [index, text] of texts.entries()) {
      if (index === BURST / 2) {
        // Killed while the previous sends' events may still be on their way to the broker.
        await bounded(chatService.signal('SIGKILL'), 10_000, 'the chat service to exit on SIGKILL');
        restarted = started.restart(chatService, `gRPC 127.0.0.1:${port}`, () => grpcServing('127.0.0.1', port));
      }
      await sendUntilAcknowledged(alice, roomId, text);
    }
    await restarted;

    const history = await roomHistory(carol, roomId, { limit: 200 });
    for (const text of texts) expect(history.filter((message) => message.message === text)).toHaveLength(1);
    for (const socket of live) await expectEachOnce(socket, texts);

    for (const [index, user] of [bob, carol].entries()) {
      const resumed = await user.ws({ gateway: index, since: since[index] as string });
      const replayed = (await replayedTexts(resumed)).filter((text) => texts.includes(text));
      expect(replayed).toEqual(texts);
    }
  });
});
