import { describeRoomMembershipContract } from '@chatterroom/test/contract/ports/chat/room-membership.contract';
import { InMemoryRoomMembership } from './in-memory.room-membership';

describeRoomMembershipContract('InMemoryRoomMembership', async () => ({
  membership: new InMemoryRoomMembership(),
  close: async () => {},
}));
