import type { AddressInfo } from 'node:net';
import { Value } from '@sinclair/typebox/value';
import { WebSocket } from 'ws';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { frameCommandTypes } from './frame-commands';
import { CLIENT_FRAMES, SERVER_FRAMES, type ServerFrameType } from './frame-registry';

type Frame = Record<string, unknown> & { type: string };

/** A socket that keeps every frame it receives, and waits for frames by what they are. */
class RecordingSocket {
  readonly frames: Frame[] = [];
  private readonly waiting = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      for (const wake of this.waiting) wake();
    });
  }

  static async open(url: string, token: string): Promise<RecordingSocket> {
    const recorder = new RecordingSocket(new WebSocket(url, { headers: { authorization: `Bearer ${token}` } }));
    await recorder.until((frame) => frame.type === 'ready');
    return recorder;
  }

  /** Resolves with the first frame (received or to come) that `matches`. */
  until(matches: (frame: Frame) => boolean): Promise<Frame> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.frames.find(matches);
        if (found === undefined) return;
        this.waiting.delete(check);
        resolve(found);
      };
      this.waiting.add(check);
      check();
    });
  }

  /** Sends a frame with this id and resolves with its reply. */
  reply(frame: Record<string, unknown>): Promise<Frame> {
    this.socket.send(JSON.stringify(frame));
    return this.until((received) => received.id === frame.id && received.type !== 'message');
  }
}

describe('the /ws/chat frame registry (the source of /asyncapi.json)', () => {
  let kit: GatewayTestKit;
  let url: string;
  const sockets: RecordingSocket[] = [];
  const open = async (token: string) => {
    const socket = await RecordingSocket.open(url, token);
    sockets.push(socket);
    return socket;
  };

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    await kit.app.listen({ host: '127.0.0.1', port: 0 });
    url = `ws://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}/ws/chat`;
  });

  afterEach(async () => {
    for (const recorder of sockets.splice(0)) recorder.socket.close();
    await kit.app.close();
  });

  it('registers every frame type that runs a command', () => {
    expect(frameCommandTypes().filter((type) => !Object.hasOwn(CLIENT_FRAMES, type))).toEqual([]);
  });

  it('accepts every registered client frame type (a bad frame of it is refused for its fields, never as unknown)', async () => {
    const alice = await open((await signUp(kit.users)).token);
    for (const type of Object.keys(CLIENT_FRAMES)) {
      const reply = await alice.reply({ type, id: `probe-${type}` });
      expect({ type, code: reply.code }).not.toEqual({ type, code: 'UNKNOWN_FRAME_TYPE' });
    }
  });

  it('refuses a frame type that is not registered, even one the code might handle', async () => {
    const alice = await open((await signUp(kit.users)).token);
    for (const type of ['typing.unregistered', 'constructor', '__proto__']) {
      expect(await alice.reply({ type, id: type })).toMatchObject({ type: 'error', id: type, code: 'UNKNOWN_FRAME_TYPE' });
    }
  });

  it('sends only registered frames, each fitting its schema', async () => {
    const [aliceUser, bobUser] = [await signUp(kit.users), await signUp(kit.users)];
    const [alice, bob] = [await open(aliceUser.token), await open(bobUser.token)];
    expect(await alice.reply({ type: 'private.send', id: 1, to: bobUser.userId, message: 'hi', clientMessageId: 'c-1' })).toMatchObject({ type: 'ack' });
    await bob.until((frame) => frame.type === 'message');
    const created = await alice.reply({ type: 'room.create', id: 2, name: 'registry' });
    const roomId = (created.result as { roomId: number }).roomId;
    expect(await bob.reply({ type: 'room.join', id: 3, roomId })).toMatchObject({ type: 'ack' });
    await alice.until((frame) => frame.type === 'room.joined');
    expect(await bob.reply({ type: 'room.send', id: 4, roomId, message: 'hello room' })).toMatchObject({ type: 'ack' });
    expect(await bob.reply({ type: 'room.leave', id: 5, roomId })).toMatchObject({ type: 'ack' });
    await alice.until((frame) => frame.type === 'room.left');
    expect(await alice.reply({ type: 'ping', id: 6 })).toMatchObject({ type: 'pong' });
    expect(await alice.reply({ type: 'auth', id: 7, token: aliceUser.token })).toMatchObject({ type: 'ack' });
    expect(await alice.reply({ type: 'room.join', id: 8, roomId: 999_999 })).toMatchObject({ type: 'error' });
    const sent = [...alice.frames, ...bob.frames];
    const unfit = sent.filter((frame) => {
      const schema = Object.hasOwn(SERVER_FRAMES, frame.type) ? SERVER_FRAMES[frame.type as ServerFrameType] : undefined;
      return schema === undefined || !Value.Check(schema, frame);
    });
    expect(unfit).toEqual([]);
    // the frames about running rooms need the real chat module: test/contract/system/asyncapi-frames covers every frame
    expect(new Set(sent.map((frame) => frame.type))).toEqual(new Set(['ready', 'ack', 'error', 'pong', 'message', 'room.joined', 'room.left']));
  });
});
