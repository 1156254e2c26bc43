import { randomUUID } from 'node:crypto';
import { INT32_MAX } from '@chatterroom/kernel';
import { UNKNOWN_ID, badly, expectDomainError, expectValidationFailed } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

type Case = [label: string, value: unknown];

const BAD_IDS: Case[] = [
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['2^31', INT32_MAX + 1],
  ['NaN', Number.NaN],
  ["the string '1'", '1'],
  ['null', null],
  ['a missing id', undefined],
];
const BAD_TEXTS: Case[] = [
  ['empty', ''],
  ['only whitespace', ' \n\t\u00a0 '],
  ['4001 characters', 'x'.repeat(4001)],
  ['a number', 123],
  ['null', null],
  ['missing', undefined],
  ['an array', ['hi']],
];
const BAD_CLIENT_IDS: Case[] = [
  ['empty', ''],
  ['65 characters', 'c'.repeat(65)],
  ['a number', 42],
  ['an object', { id: 'x' }],
];
const BAD_LIMITS: Case[] = [
  ['0', 0],
  ['-1', -1],
  ['201', 201],
  ['1.5', 1.5],
  ["the string '10'", '10'],
];
const BAD_ROOM_NAMES: Case[] = [
  ['empty', ''],
  ['only whitespace', ' \t '],
  ['65 characters', 'n'.repeat(65)],
  ['a number', 7],
  ['null', null],
];

export const describeChatValidationCases = (subject: () => ChatApiSubject): void => {
  describe('input validation', () => {
    const users = () => subject().existingUserIds;
    const messaging = () => subject().messaging;
    const rooms = () => subject().rooms;
    const newRoom = async () => (await rooms().createRoom({ roomName: `v ${randomUUID()}`, userId: users()[0] })).roomId;

    it.each(BAD_IDS)('rejects the id %s in every call, naming the field', async (_label, bad) => {
      const [a, b] = users();
      const roomId = await newRoom();
      const id = badly<number>(bad);
      await expectValidationFailed(messaging().sendPrivateMessage({ fromUserId: id, toUserId: b, message: 'x' }), 'fromUserId');
      await expectValidationFailed(messaging().sendPrivateMessage({ fromUserId: a, toUserId: id, message: 'x' }), 'toUserId');
      await expectValidationFailed(messaging().getPrivateHistory({ fromUserId: id, toUserId: b }), 'fromUserId');
      await expectValidationFailed(messaging().getPrivateHistory({ fromUserId: a, toUserId: id }), 'toUserId');
      await expectValidationFailed(messaging().sendRoomMessage({ userId: id, roomId, message: 'x' }), 'userId');
      await expectValidationFailed(messaging().sendRoomMessage({ userId: a, roomId: id, message: 'x' }), 'roomId');
      await expectValidationFailed(messaging().getRoomHistory({ userId: a, roomId: id }), 'roomId');
      await expectValidationFailed(rooms().createRoom({ roomName: 'ok', userId: id }), 'userId');
      await expectValidationFailed(rooms().joinRoom({ roomId: id, userId: a }), 'roomId');
      await expectValidationFailed(rooms().leaveRoom({ roomId, userId: id }), 'userId');
      await expectValidationFailed(rooms().listRooms({ userId: id }), 'userId');
      await expectValidationFailed(rooms().getRoom({ roomId: id, userId: a }), 'roomId');
    });

    it.each(BAD_TEXTS)('rejects message text that is %s, private or in a room', async (_label, bad) => {
      const [a, b] = users();
      const roomId = await newRoom();
      const message = badly<string>(bad);
      await expectValidationFailed(messaging().sendPrivateMessage({ fromUserId: a, toUserId: b, message }), 'message');
      await expectValidationFailed(messaging().sendRoomMessage({ userId: a, roomId, message }), 'message');
      expect(await messaging().getRoomHistory({ userId: a, roomId })).toEqual([]);
    });

    it('accepts text of exactly 4000 characters', async () => {
      const sent = await messaging().sendRoomMessage({ userId: users()[0], roomId: await newRoom(), message: 'x'.repeat(4000) });
      expect(sent.message).toHaveLength(4000);
    });

    it.each(BAD_CLIENT_IDS)('rejects a clientMessageId that is %s', async (_label, bad) => {
      const [a, b] = users();
      const clientMessageId = badly<string>(bad);
      await expectValidationFailed(
        messaging().sendPrivateMessage({ fromUserId: a, toUserId: b, message: 'x', clientMessageId }),
        'clientMessageId',
      );
      const roomId = await newRoom();
      await expectValidationFailed(messaging().sendRoomMessage({ userId: a, roomId, message: 'x', clientMessageId }), 'clientMessageId');
    });

    it('accepts a clientMessageId of 64 characters', async () => {
      const clientMessageId = randomUUID().padEnd(64, 'k');
      const sent = await messaging().sendRoomMessage({ userId: users()[0], roomId: await newRoom(), message: 'x', clientMessageId });
      expect(sent.clientMessageId).toBe(clientMessageId);
    });

    it.each(BAD_LIMITS)('rejects the history limit %s', async (_label, bad) => {
      const [a, b] = users();
      const limit = badly<number>(bad);
      await expectValidationFailed(messaging().getPrivateHistory({ fromUserId: a, toUserId: b, limit }), 'limit');
      await expectValidationFailed(messaging().getRoomHistory({ userId: a, roomId: await newRoom(), limit }), 'limit');
    });

    it('rejects a cursor that is not a string', async () => {
      const [a, b] = users();
      const before = badly<string>(42);
      await expectValidationFailed(messaging().getPrivateHistory({ fromUserId: a, toUserId: b, before }), 'before');
    });

    it.each(BAD_ROOM_NAMES)('rejects a room name that is %s', async (_label, bad) => {
      await expectValidationFailed(rooms().createRoom({ roomName: badly<string>(bad), userId: users()[0] }), /^(name|roomName) must be/);
    });

    it('accepts a room name of 64 characters once trimmed', async () => {
      const roomName = 'n'.repeat(64);
      expect((await rooms().createRoom({ roomName: `  ${roomName}  `, userId: users()[0] })).name).toBe(roomName);
    });

    it('checks the input before the room: bad text to an unknown room is VALIDATION_FAILED', async () => {
      const call = messaging().sendRoomMessage({ userId: users()[0], roomId: UNKNOWN_ID, message: '' });
      await expectDomainError(call, 'VALIDATION_FAILED', 'invalid');
    });
  });
};
