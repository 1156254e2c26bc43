import { MESSAGE_POSTED_V1, ROOM_MEMBER_JOINED_V1, ROOM_MEMBER_LEFT_V1, type ChatMessage } from '@chatterroom/chat/contracts';
import { createEvent } from '@chatterroom/kernel';
import { audienceOf, pushOf } from './event-pushes';

const roomMessage: ChatMessage = {
  messageId: 'm1',
  kind: 'room',
  senderId: 1,
  roomId: 9,
  message: 'hello',
  timestamp: '2025-01-01T00:00:00.000Z',
  seq: 3,
  clientMessageId: 'sender-only',
};

describe('pushOf', () => {
  it('turns chat.message-posted.v1 into a message frame without the clientMessageId', () => {
    expect(pushOf(createEvent(MESSAGE_POSTED_V1, { message: roomMessage, audience: [1, 2, 2] }))).toEqual({
      frame: {
        type: 'message',
        message: { messageId: 'm1', kind: 'room', senderId: 1, roomId: 9, message: 'hello', timestamp: roomMessage.timestamp, seq: 3 },
      },
      audience: [1, 2],
    });
  });

  it('turns membership events into room.joined and room.left frames', () => {
    expect(pushOf(createEvent(ROOM_MEMBER_JOINED_V1, { roomId: 9, userId: 2, audience: [1, 2] }))).toEqual({
      frame: { type: 'room.joined', roomId: 9, userId: 2 },
      audience: [1, 2],
    });
    expect(pushOf(createEvent(ROOM_MEMBER_LEFT_V1, { roomId: 9, userId: 2, audience: [1, 2] }))?.frame).toEqual({
      type: 'room.left',
      roomId: 9,
      userId: 2,
    });
  });

  it.each([
    ['an unknown type', createEvent('chat.room-renamed.v1', { audience: [1] })],
    ['no audience', createEvent(MESSAGE_POSTED_V1, { message: roomMessage })],
    ['a bad audience', createEvent(MESSAGE_POSTED_V1, { message: roomMessage, audience: [1, 'x'] })],
    ['no message', createEvent(MESSAGE_POSTED_V1, { audience: [1] })],
    ['a bad roomId', createEvent(ROOM_MEMBER_JOINED_V1, { roomId: '9', userId: 2, audience: [1] })],
    ['a null payload', createEvent(MESSAGE_POSTED_V1, null)],
  ])('pushes nothing for %s', (_name, event) => {
    expect(pushOf(event)).toBeUndefined();
  });
});

describe('audienceOf', () => {
  it('takes an ascending audience of distinct userIds as it is', () => {
    const audience = [1, 5, 9];
    expect(audienceOf({ audience })).toBe(audience);
  });

  it.each([
    ['repeated', [3, 1, 3, 2, 1], [3, 1, 2]],
    ['descending', [9, 5, 1], [9, 5, 1]],
    ['repeated next to each other', [1, 1, 2], [1, 2]],
  ])('keeps each userId of a %s audience once', (_name, audience, expected) => {
    expect(audienceOf({ audience })).toEqual(expected);
  });

  it.each([[[0]], [[1, -2]], [[1.5]], [[1, 2 ** 31]], ['1,2'], [undefined]])('refuses the audience %j', (audience) => {
    expect(audienceOf({ audience })).toBeUndefined();
  });
});
