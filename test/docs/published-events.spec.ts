import { Value } from '@sinclair/typebox/value';
import * as chatContracts from '@chatterroom/chat/contracts';
import { silentLogger, type IntegrationEvent } from '@chatterroom/kernel';
import * as usersContracts from '@chatterroom/users/contracts';
import { eventually } from '@chatterroom/test/harness/system/eventually';
import { createMonolithContainer } from '@chatterroom/composition/monolith.container';
import { EVENT_PAYLOADS, eventEnvelope } from '@chatterroom/gateway/asyncapi/event-registry';
import { readMonolithConfig } from '@chatterroom/roles/role-configs';

/** `<module>.<kebab-past-tense>.v<N>`, as integration events are named (kernel/integration-event.ts). */
const EVENT_TYPE = /^[a-z]+\.[a-z]+(-[a-z]+)*\.v\d+$/;

/** Every event type a module's contracts export: what other modules and the gateway may consume. */
const exportedEventTypes = (): string[] =>
  ([...Object.values(chatContracts), ...Object.values(usersContracts)] as unknown[]).filter(
    (value): value is string => typeof value === 'string' && EVENT_TYPE.test(value),
  );

describe('the event registry (the events of /asyncapi.json) against the modules', () => {
  it('registers exactly the event types the modules export', () => {
    expect(Object.keys(EVENT_PAYLOADS).sort()).toEqual([...new Set(exportedEventTypes())].sort());
  });

  it('matches what the modules really publish: every event published is registered and fits its schema, and every registered one is published', async () => {
    const config = readMonolithConfig({ STORAGE: 'memory', BCRYPT_COST: '4' });
    const container = await createMonolithContainer(config, silentLogger);
    try {
      const { eventBus, userAccounts, userSessions, messaging, messageEditing, roomRegistry, roomAdministration, conversations } = container.cradle;
      const published: IntegrationEvent[] = [];
      await eventBus.subscribe({ types: ['users.*', 'chat.*'], delivery: { mode: 'broadcast' } }, async (event) => {
        published.push(event);
      });

      const alice = await userAccounts.register({ username: 'events_alice', email: 'events_alice@example.test', password: 'correct horse' });
      const bob = await userAccounts.register({ username: 'events_bob', email: 'events_bob@example.test', password: 'correct horse' });
      const session = await userAccounts.authenticate({ username: 'events_alice', password: 'correct horse' });
      const hi = await messaging.sendPrivateMessage({ fromUserId: alice.userId, toUserId: bob.userId, message: 'hi', clientMessageId: 'c-1' });
      await messageEditing.editMessage({ userId: alice.userId, messageId: hi.messageId, message: 'hi, Bob' });
      await messageEditing.deleteMessage({ userId: alice.userId, messageId: hi.messageId });
      await conversations.markRead({ userId: bob.userId, peerId: alice.userId, seq: 1 });
      const room = await roomRegistry.createRoom({ userId: alice.userId, roomName: 'events' });
      await roomRegistry.joinRoom({ userId: bob.userId, roomId: room.roomId });
      await messaging.sendRoomMessage({ userId: bob.userId, roomId: room.roomId, message: 'hello' });
      await roomRegistry.leaveRoom({ userId: bob.userId, roomId: room.roomId });
      await roomAdministration.addMember({ userId: alice.userId, roomId: room.roomId, memberId: bob.userId });
      await roomAdministration.setRole({ userId: alice.userId, roomId: room.roomId, memberId: bob.userId, role: 'admin' });
      await roomAdministration.updateRoom({ userId: alice.userId, roomId: room.roomId, name: 'renamed' });
      await roomAdministration.removeMember({ userId: alice.userId, roomId: room.roomId, memberId: bob.userId });
      await roomAdministration.deleteRoom({ userId: alice.userId, roomId: room.roomId });
      await userSessions.revokeSession({ userId: alice.userId, sessionId: session.sessionId });

      await eventually(() => expect(new Set(published.map((event) => event.type))).toEqual(new Set(Object.keys(EVENT_PAYLOADS))));
      const unfit = published.filter((event) => {
        const payload = EVENT_PAYLOADS[event.type];
        return payload === undefined || !Value.Check(eventEnvelope(event.type, payload), event);
      });
      expect(unfit).toEqual([]);
    } finally {
      await container.dispose();
    }
  });
});
