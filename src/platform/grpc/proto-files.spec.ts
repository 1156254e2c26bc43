import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAT_SERVICE_NAME, USER_SERVICE_NAME, chatServiceProto, protoDirectory, userServiceProto } from './proto-files';

describe('proto files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'protos-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const layout = (protoDir: string, compiledDir: string): string => {
    mkdirSync(join(root, protoDir), { recursive: true });
    writeFileSync(join(root, protoDir, 'users.proto'), 'syntax = "proto3";');
    mkdirSync(join(root, compiledDir), { recursive: true });
    return join(root, compiledDir);
  };

  it('finds proto/ next to dist/ from the compiled file', () => {
    expect(protoDirectory(layout('proto', 'dist/src/platform/grpc'))).toBe(join(root, 'proto'));
  });

  it('finds proto/ copied into dist/', () => {
    expect(protoDirectory(layout('dist/proto', 'dist/src/platform/grpc'))).toBe(join(root, 'dist/proto'));
  });

  it('names the folder it searched from when there is none', () => {
    const start = join(root, 'a/b');
    mkdirSync(start, { recursive: true });
    expect(() => protoDirectory(start)).toThrow(/No proto\/ folder/);
  });

  it('loads the seed services with their RPCs', () => {
    expect(userServiceProto().serviceName).toBe(USER_SERVICE_NAME);
    expect(Object.keys(userServiceProto().definition)).toEqual([
      'CreateUser',
      'AuthenticateUser',
      'GetUser',
      'GetUsers',
      'RefreshSession',
      'RevokeSession',
      'ListSessions',
      'GetJwks',
      'CheckSession',
      'IssueWsTicket',
      'RedeemWsTicket',
      'SearchUsers',
    ]);
    expect(chatServiceProto().serviceName).toBe(CHAT_SERVICE_NAME);
    expect(Object.keys(chatServiceProto().definition)).toEqual([
      'SendPrivateMessage',
      'GetPrivateChatHistory',
      'SendRoomMessage',
      'GetRoomHistory',
      'CreateRoom',
      'JoinRoom',
      'LeaveRoom',
      'ListRooms',
      'GetRoom',
      'AddRoomMember',
      'RemoveRoomMember',
      'SetRoomRole',
      'UpdateRoom',
      'DeleteRoom',
      'ListRoomMembers',
      'ListPublicRooms',
      'ListConversations',
      'MarkRead',
      'EditMessage',
      'DeleteMessage',
      'GetFeedCursor',
      'GetFeedEvents',
    ]);
  });
});
