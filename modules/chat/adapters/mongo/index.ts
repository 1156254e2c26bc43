import { chatEventSchema, chatOutboxSchema } from './chat-event.schema';
import { messageSchema } from './message.schema';
import { roomMemberSchema } from './room-member.schema';
import { roomSchema } from './room.schema';
import { conversationSummarySchema } from './conversation-summary.schema';
import { readMarkerSchema } from './read-marker.schema';
import { conversationDeletionSchema } from './conversation-deletion.schema';

export { MikroOrmRoomStore } from './mikro-orm.room-store';
export { MikroOrmRoomMembership } from './mikro-orm.room-membership';
export { MikroOrmMessageStore } from './mikro-orm.message-store';
export { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
export { MikroOrmConversationStore } from './mikro-orm.conversation-store';
export { MikroOrmReadMarkerStore } from './mikro-orm.read-marker-store';
export { roomSchema, type RoomDocument } from './room.schema';
export { roomMemberSchema, type RoomMemberDocument } from './room-member.schema';
export { messageSchema, type MessageDocument } from './message.schema';

/** The chat module's MikroORM schemas, for `createMongoOrm({ entities })`. */
export const chatEntities = [roomSchema, roomMemberSchema, messageSchema, conversationSummarySchema, readMarkerSchema, chatEventSchema, chatOutboxSchema, conversationDeletionSchema] as const;
