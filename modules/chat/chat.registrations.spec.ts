import { asValue, createContainer, InjectionMode } from 'awilix';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { UsersErrors } from '@chatterroom/users/contracts';
import type { Messaging, RoomRegistry } from './contracts';
import { chatApplicationRegistrations, chatInMemoryStorageRegistrations, soleRelayLeadershipRegistration } from './chat.registrations';

describe('chat registrations', () => {
  it('wire messaging and roomRegistry over in-memory storage and the given userDirectory', async () => {
    const container = createContainer({ injectionMode: InjectionMode.PROXY, strict: true });
    const eventBus = new InMemoryEventBus({ logger: silentLogger });
    container.register({
      eventBus: asValue(eventBus),
      clock: asValue(systemClock),
      logger: asValue(silentLogger),
      traceOriginSource: asValue({ current: () => ({ 'x-request-id': 'registrations-spec' }) }),
      userDirectory: asValue({
        getUser: async ({ userId }: { userId: number }) => {
          if (userId !== 2) throw UsersErrors.userNotFound(userId);
          return { userId, username: 'bob', email: 'bob@example.com' };
        },
      }),
      ...chatApplicationRegistrations(),
      ...chatInMemoryStorageRegistrations(),
      ...soleRelayLeadershipRegistration(),
    });
    const messaging = container.resolve<Messaging>('messaging');
    const rooms = container.resolve<RoomRegistry>('roomRegistry');

    const { roomId } = await rooms.createRoom({ roomName: 'wired', userId: 1 });
    await messaging.sendRoomMessage({ userId: 1, roomId, message: 'hi' });
    expect(await container.resolve<RoomRegistry>('roomRegistry').listRooms({ userId: 1 })).toEqual([{ roomId, name: 'wired' }]);
    expect(await messaging.getRoomHistory({ userId: 1, roomId })).toHaveLength(1);
    await messaging.sendPrivateMessage({ fromUserId: 1, toUserId: 2, message: 'hi bob' });
    await expect(messaging.sendPrivateMessage({ fromUserId: 1, toUserId: 3, message: 'hi?' })).rejects.toMatchObject({
      code: 'CHAT_RECIPIENT_NOT_FOUND',
    });
    await eventBus.close();
  });
});
