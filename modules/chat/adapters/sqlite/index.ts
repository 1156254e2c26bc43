export { SqliteRoomStore } from './sqlite.room-store';
export { SqliteRoomMembership } from './sqlite.room-membership';
export { SqliteMessageStore } from './sqlite.message-store';
export { chatSqliteMigrations } from './chat.sqlite-migrations';
export { SqliteConversationStore } from './sqlite.conversation-store';
export { SqliteReadMarkerStore } from './sqlite.read-marker-store';
