import { MESSAGE_POSTED_V1 } from '@chatterroom/chat/contracts';
import { createEvent, silentLogger, type IntegrationEvent } from '@chatterroom/kernel';
import { FakeEventBus } from '../testing/fake-event-bus';
import { ChatEventFanOut } from './chat-event-fan-out';
import { ConnectionRegistry } from './connection-registry';

const posted = () =>
  createEvent(MESSAGE_POSTED_V1, {
    message: { messageId: 'm1', kind: 'private', senderId: 1, recipientId: 2, message: 'hi', timestamp: '2024-01-01T00:00:00.000Z', seq: 1 },
    audience: [1, 2],
  });

describe('ChatEventFanOut listeners', () => {
  it('hand each event to every listener once, even when the bus delivers it again', () => {
    const seen: IntegrationEvent[] = [];
    const fanOut = new ChatEventFanOut({
      eventBus: new FakeEventBus(),
      connections: new ConnectionRegistry(),
      logger: silentLogger,
      listeners: [(event) => seen.push(event)],
    });
    const event = posted();
    fanOut.deliver(event);
    fanOut.deliver(event);
    fanOut.deliver(posted());
    expect(seen.map((received) => received.id)).toEqual([event.id, expect.not.stringMatching(event.id)]);
  });

  it('keeps going when a listener throws', () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const fanOut = new ChatEventFanOut({
      eventBus: new FakeEventBus(),
      connections: new ConnectionRegistry(),
      logger: { ...silentLogger, error: (fields) => errors.push(fields) },
      listeners: [
        () => {
          throw new Error('broken listener');
        },
        (event) => seen.push(event.id),
      ],
    });
    const event = posted();
    fanOut.deliver(event);
    expect(seen).toEqual([event.id]);
    expect(errors).toHaveLength(1);
  });
});
