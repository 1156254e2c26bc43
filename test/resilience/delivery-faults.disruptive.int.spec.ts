import { eventually, newUserOn, pushWithText, roomWith, uniqueText, type ChatSocket, type TestUser } from '@chatterroom/test/harness/system';
import { grpcServing } from '@chatterroom/test/harness/system/readiness';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import type { OwnRabbitMqNode } from '@chatterroom/test/kits/amqp/own-rabbitmq-node';
import { sendUntilAcknowledged } from './support/acknowledged-sends';
import { deliveryFaultsOnceAllArrived } from './support/delivery-tally';
import { fullRoomHistory } from './support/full-history';
import { startOwnSplit, type OwnSplit } from './support/own-split';
import { bounded, processNamed, StartedProcesses } from './support/started-processes';

/*
 * Issue 11: no stored message goes unannounced, and nothing reaches a listener twice, when the
 * broker stops mid-burst or the chat service is SIGKILLed mid-burst. A split deployment of its
 * own on a RabbitMQ node, a Redis and a FerretDB of its own (never the machine's), with two gateways.
 */

jest.setTimeout(240_000);

const BURST = 30;

/**
 * Every listener got every one of `texts` exactly once: sends `barrier` last and waits until each
 * socket has it (events of one room reach a socket in order, so a duplicate of an earlier one
 * would be there by then), then waits until each has all of `texts`, then counts.
 */
const expectEachExactlyOnce = async (from: TestUser, roomId: number, sockets: readonly ChatSocket[], texts: readonly string[]): Promise<void> => {
  const barrier = uniqueText('barrier');
  await sendUntilAcknowledged(from, roomId, barrier);
  await Promise.all(sockets.map((socket) => socket.next(pushWithText(barrier), 120_000)));
  const faults = await Promise.all(sockets.map(async (socket, listener) => ({ listener, ...(await deliveryFaultsOnceAllArrived(() => [socket], texts)) })));
  expect(faults.filter((fault) => fault.missed.length > 0 || fault.duplicated.length > 0)).toEqual([]);
};

/** `chatterroom_outbox_lag_seconds` of the chat service, from its metrics listener. */
const outboxLagOf = async (target: RunningTarget): Promise<number> => {
  const response = await fetch(`http://127.0.0.1:${processNamed(target, 'chat-service').env.METRICS_PORT}/metrics`, { signal: AbortSignal.timeout(5_000) });
  const line = /^chatterroom_outbox_lag_seconds (\S+)$/m.exec(await response.text());
  if (line === null) throw new Error('no chatterroom_outbox_lag_seconds in the chat service metrics');
  return Number(line[1]);
};

/** The frames a socket opened with `since` replays before its `resumed` frame. */
const replayedTexts = async (socket: ChatSocket): Promise<string[]> => {
  await socket.next((frame) => frame.type === 'resumed', 60_000);
  return socket.pending().flatMap((frame) => (frame.type === 'message' ? [(frame.message as { message: string }).message] : []));
};

describe('split deployment: delivery through faults', () => {
  const started = new StartedProcesses();
  let own: OwnSplit | undefined;
  let broker: OwnRabbitMqNode;
  let target: RunningTarget;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let roomId: number;

  beforeAll(async () => {
    own = await startOwnSplit(started, 'delivery_faults');
    ({ target, broker } = own);
    alice = await newUserOn(target.endpoints, 0);
    bob = await newUserOn(target.endpoints, 1);
    carol = await newUserOn(target.endpoints, 0);
    roomId = await roomWith(alice, bob, carol);
  }, 240_000);

  afterAll(() => own?.close(), 120_000);

  it('pushes every message acknowledged while RabbitMQ was stopped, once, to every listener, after it returns', async () => {
    const sockets = [await bob.ws(), await carol.ws({ gateway: 1 }), await alice.ws()];
    const texts = Array.from({ length: BURST }, (_, index) => uniqueText(`broker burst ${index}`));
    for (const [index, text] of texts.entries()) {
      if (index === BURST / 3) await broker.stopApp();
      if (index === (2 * BURST) / 3) {
        // What was stored meanwhile waits in the outbox, and the metric says for how long.
        expect(await outboxLagOf(target)).toBeGreaterThan(0);
        await broker.startApp();
      }
      // Stored (201) whether or not the broker is there: sends do not wait for it.
      const response = await alice.http.post(`/chats/room/${roomId}`, { message: text });
      expect(response.status).toBe(201);
    }
    const history = await fullRoomHistory(bob, roomId);
    expect(texts.filter((text) => history.filter((message) => message.message === text).length !== 1)).toEqual([]);
    await expectEachExactlyOnce(alice, roomId, sockets, texts);
    await eventually(async () => expect(await outboxLagOf(target)).toBe(0), { timeoutMs: 30_000 });
  });

  it('stores every acknowledged message once and delivers it exactly once when the chat service is SIGKILLed mid-burst', async () => {
    const live = [await bob.ws(), await carol.ws({ gateway: 1 }), await alice.ws()];
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

    const history = await fullRoomHistory(carol, roomId);
    expect(texts.filter((text) => history.filter((message) => message.message === text).length !== 1)).toEqual([]);
    await expectEachExactlyOnce(alice, roomId, live, texts);

    for (const [index, user] of [bob, carol].entries()) {
      const resumed = await user.ws({ gateway: index, since: since[index] as string });
      const replayed = (await replayedTexts(resumed)).filter((text) => texts.includes(text));
      expect(replayed).toEqual(texts);
    }
  });
});
