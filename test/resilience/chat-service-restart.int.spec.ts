import {
  errorBody, eventually, expectError, newUserOn, privateHistory, pushWithText, roomHistory, roomWith, sendPrivate, sendToRoom,
  uniqueSuffix, uniqueText, type ChatSocket, type Json, type TestUser,
} from '@chatterroom/test/harness/system';
import { grpcServing } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { bounded, processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue: kill the chat-service process and start it again; messages sent before are still in
 * the history; sockets on the gateways stay open and receive new messages once it is back.
 * A split deployment of its own (one user service, one chat service, two gateways).
 */

jest.setTimeout(60_000);

/** The gateways' gRPC channels reconnect with a backoff: the first call through each may still fail. */
const onceReconnected = <T>(call: () => Promise<T>): Promise<T> => eventually(call, { timeoutMs: 30_000, intervalMs: 250 });

const key = (): string => `cmid-${uniqueSuffix()}`;

describe('split deployment: the chat service is killed and started again', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let chatService: RoleProcess;
  let alice: TestUser; // gateway 1
  let bob: TestUser; // gateway 2
  let carol: TestUser; // gateway 2
  let sockets: ChatSocket[];
  let roomId: number;
  let roomBefore: Json[];
  let privateBefore: Json[];
  let keyedBefore: { clientMessageId: string; sent: Json };
  const keyTriedWhileDown = key();

  const historiesOf = async (): Promise<{ room: Json[]; private: Json[] }> => ({
    room: await roomHistory(bob, roomId),
    private: await privateHistory(alice, bob),
  });

  beforeAll(async () => {
    target = started.addTarget(await startSplit(targetOptions()));
    chatService = processNamed(target, 'chat-service');
    expect(target.endpoints.gateways).toHaveLength(2);
    alice = await newUserOn(target.endpoints, 0);
    bob = await newUserOn(target.endpoints, 1);
    carol = await newUserOn(target.endpoints, 1);
    sockets = [await alice.ws(), await bob.ws(), await carol.ws()];
    roomId = await roomWith(alice, bob, carol);
    await sendToRoom(alice, roomId, uniqueText('room before 1'));
    await sendToRoom(bob, roomId, uniqueText('room before 2'));
    await sendPrivate(bob, alice, uniqueText('private before 1'));
    const clientMessageId = key();
    keyedBefore = { clientMessageId, sent: await sendPrivate(alice, bob, uniqueText('private before 2'), { clientMessageId }) };
    ({ room: roomBefore, private: privateBefore } = await historiesOf());
    expect(roomBefore).toHaveLength(2);
    expect(privateBefore).toHaveLength(2);

    await bounded(chatService.signal('SIGKILL'), 10_000, 'the chat service to exit on SIGKILL');
  }, 180_000);

  afterAll(() => started.cleanUp(), 60_000);

  it('answers sends with 503 SERVICE_UNAVAILABLE while the chat service is down', async () => {
    expect(chatService.hasExited).toBe(true);
    expectError(await alice.http.post(`/chats/room/${roomId}`, { message: uniqueText() }), 503, 'SERVICE_UNAVAILABLE');
    expectError(
      await bob.http.post(`/chats/room/${roomId}`, { message: uniqueText('tried while down'), clientMessageId: keyTriedWhileDown }),
      503,
      'SERVICE_UNAVAILABLE',
    );
    expectError(await alice.http.post(`/chats/private/${bob.userId}`, { message: uniqueText() }), 503, 'SERVICE_UNAVAILABLE');
    const [aliceSocket] = sockets as [ChatSocket];
    expect(errorBody(await aliceSocket.request({ type: 'room.send', roomId, message: uniqueText() }, 15_000)).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('keeps the sockets on both gateways open, answering pings', async () => {
    for (const socket of sockets) {
      expect(socket.isOpen).toBe(true);
      expect((await socket.request({ type: 'ping' })).type).toBe('pong');
    }
  });

  describe('once it is started again with the same environment and gRPC port', () => {
    beforeAll(async () => {
      const port = Number(chatService.env.GRPC_PORT);
      await started.restart(chatService, `gRPC 127.0.0.1:${port}`, () => grpcServing('127.0.0.1', port));
    }, 120_000);

    it('still has the earlier messages in the histories, with the same messageIds and seqs', async () => {
      const after = await onceReconnected(historiesOf);
      const earlier = (history: Json[], before: Json[]) => {
        const ids = new Set(before.map((message) => message.messageId));
        return history.filter((message) => ids.has(message.messageId));
      };
      expect(earlier(after.room, roomBefore)).toEqual(roomBefore);
      expect(earlier(after.private, privateBefore)).toEqual(privateBefore);
      expect(await onceReconnected(() => roomHistory(alice, roomId))).toEqual(after.room);
    });

    it('takes new sends on both gateways, and the same sockets receive them', async () => {
      const [aliceSocket, bobSocket, carolSocket] = sockets as [ChatSocket, ChatSocket, ChatSocket];
      const lastRoomSeq = Math.max(...roomBefore.map((message) => message.seq as number));

      const retriedText = uniqueText('retried after restart');
      const retried = await onceReconnected(() => sendToRoom(bob, roomId, retriedText, { clientMessageId: keyTriedWhileDown }));
      expect(retried.seq).toBeGreaterThan(lastRoomSeq);
      const fromAlice = await onceReconnected(() => sendToRoom(alice, roomId, uniqueText('room after')));
      expect(fromAlice.seq).toBe(retried.seq + 1);
      const privateText = uniqueText('private after');
      await onceReconnected(() => sendPrivate(alice, bob, privateText));

      for (const socket of sockets) {
        expect(socket.isOpen).toBe(true);
        await socket.next(pushWithText(retriedText), 10_000);
        await socket.next(pushWithText(fromAlice.message), 10_000);
      }
      await bobSocket.next(pushWithText(privateText), 10_000);
      expect([aliceSocket, bobSocket, carolSocket].every((socket) => socket.isOpen)).toBe(true);
      const room = await roomHistory(carol, roomId);
      expect(room.filter((message) => message.message === retriedText)).toHaveLength(1);
    });

    it('answers a send retried with an earlier clientMessageId with the original message', async () => {
      const { clientMessageId, sent } = keyedBefore;
      const retry = await onceReconnected(() => sendPrivate(alice, bob, sent.message, { clientMessageId }));
      expect(retry).toEqual(sent);
      const history = await privateHistory(bob, alice);
      expect(history.filter((message) => message.messageId === sent.messageId)).toHaveLength(1);
      expect(history.filter((message) => message.message === sent.message)).toHaveLength(1);
    });
  });
});
