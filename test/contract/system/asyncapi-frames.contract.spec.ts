import Ajv, { type ValidateFunction } from 'ajv';
import {
  anonymous, createRoom, newUsers, pushWithText, uniqueText, type ChatSocket, type Frame, type Json, type TestUser,
} from '@chatterroom/test/harness/system';
import { addMember, createRoomWith, removeMember, setRole } from '@chatterroom/test/harness/system/room-actions';

/*
 * The AsyncAPI document the gateway serves (/asyncapi.json) against what its /ws/chat really
 * does: every frame the server sends in a session that runs every client operation fits the
 * schema of its type in the document, every server frame the document lists is sent, and every
 * client frame the document lists is accepted (answered, never UNKNOWN_FRAME_TYPE).
 */

type Messages = Record<string, { name: string; payload: Json }>;

const served = async (): Promise<{ client: Messages; server: Messages }> => {
  const document = (await anonymous(0).get('/asyncapi.json')).body;
  const messages = document.channels.chatSocket.messages as Messages;
  const part = (prefix: string) => Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith(prefix)).map(([, message]) => [message.name, message]));
  return { client: part('client.'), server: part('server.') };
};

const ofType = (type: string) => (frame: Frame) => frame.type === type;
const aboutRoom = (type: string, roomId: number) => (frame: Frame) => frame.type === type && frame.roomId === roomId;

describe('/asyncapi.json against /ws/chat', () => {
  it('lists every frame the server sends, each fitting its schema, and the server sends every frame it lists', async () => {
    const { server } = await served();
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validators = new Map<string, ValidateFunction>(Object.entries(server).map(([type, message]) => [type, ajv.compile(message.payload)]));
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const [aliceSocket, bobSocket] = [await alice.ws(), await bob.ws()];
    const text = uniqueText('asyncapi');

    await aliceSocket.request({ type: 'private.send', to: bob.userId, message: text, clientMessageId: uniqueText('c') });
    const pushed = await bobSocket.next(pushWithText(text));
    await bobSocket.request({ type: 'read', peerId: alice.userId, seq: pushed.message.seq });
    await aliceSocket.next(ofType('read'));
    await aliceSocket.request({ type: 'message.edit', messageId: pushed.message.messageId, message: uniqueText('edited') });
    await bobSocket.next(ofType('message.edited'));
    await aliceSocket.request({ type: 'message.delete', messageId: pushed.message.messageId });
    await bobSocket.next(ofType('message.deleted'));
    await bobSocket.request({ type: 'typing', to: alice.userId });
    await aliceSocket.next(ofType('typing'));
    await aliceSocket.request({ type: 'presence.subscribe', userIds: [carol.userId] });
    await carol.ws();
    await aliceSocket.next((frame: Frame) => frame.type === 'presence' && frame.userId === carol.userId && frame.status === 'online');
    const roomId = await createRoom(alice);
    await bobSocket.request({ type: 'room.join', roomId });
    await aliceSocket.next(aboutRoom('room.joined', roomId));
    await bobSocket.request({ type: 'room.leave', roomId });
    await aliceSocket.next(aboutRoom('room.left', roomId));
    await aliceSocket.request({ type: 'ping' });
    await aliceSocket.request({ type: 'room.join', roomId: 2147483647 });
    const run = await createRoomWith(alice);
    await addMember(alice, run, bob);
    await bobSocket.next(aboutRoom('room.member-added', run));
    await setRole(alice, run, bob, 'admin');
    await bobSocket.next(aboutRoom('room.role-changed', run));
    await aliceSocket.request({ type: 'room.update', roomId: run, name: uniqueText('renamed') });
    await bobSocket.next(aboutRoom('room.updated', run));
    await removeMember(alice, run, bob);
    await bobSocket.next(aboutRoom('room.member-removed', run));
    await aliceSocket.request({ type: 'room.delete', roomId: run });
    await aliceSocket.next(ofType('room.deleted'));
    const resumedSocket = await bob.ws({ since: bobSocket.ready?.cursor as string });
    await resumedSocket.next(ofType('resumed'));
    const resyncSocket = await bob.ws({ since: Buffer.from('1.0.1000').toString('base64url') });
    await resyncSocket.next(ofType('resync'));

    const sent = [...aliceSocket.received, ...bobSocket.received, ...resumedSocket.received, ...resyncSocket.received];
    const unfit = sent.filter((frame) => {
      const validate = validators.get(String(frame.type));
      return validate === undefined || !validate(frame);
    });
    expect(unfit).toEqual([]);
    expect([...new Set(sent.map((frame) => frame.type))].sort()).toEqual(Object.keys(server).sort());
  });

  it('accepts every client frame it lists', async () => {
    const { client } = await served();
    const [alice] = (await newUsers(1)) as [TestUser];
    const socket: ChatSocket = await alice.ws();
    for (const type of Object.keys(client)) {
      const reply = await socket.request({ type });
      expect({ type, code: reply.code }).not.toEqual({ type, code: 'UNKNOWN_FRAME_TYPE' });
    }
  });
});
