import { describeRoomMembershipContract } from '@chatterroom/test/contract/ports/chat/room-membership.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmRoomMembership } from './mikro-orm.room-membership';
import { chatEntities } from '.';

describeRoomMembershipContract('MikroOrmRoomMembership (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_members'), chatEntities);
  return { membership: new MikroOrmRoomMembership({ mongoOrm: scratch.orm }), close: scratch.dispose };
});
