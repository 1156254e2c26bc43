import { ALICE, REACHED, describeGrpcAccessCases, reachedPorts, startAccessLoopback } from '@chatterroom/test/contract/ports/grpc-access.cases';
import { chatGrpcService } from './chat.grpc-server';

const OTHER = 9;
const ROOM = 3;

describeGrpcAccessCases('ChatService', () => chatGrpcService({ messaging: reachedPorts(), roomRegistry: reachedPorts(), roomAdministration: reachedPorts(), conversations: reachedPorts(), messageEditing: reachedPorts(), chatFeed: reachedPorts() }), {
  SendPrivateMessage: { access: 'only the user in fromUserId', request: { fromUserId: ALICE, toUserId: OTHER, message: 'hi' } },
  GetPrivateChatHistory: { access: 'only the user in fromUserId', request: { fromUserId: ALICE, toUserId: OTHER } },
  SendRoomMessage: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM, message: 'hi' } },
  GetRoomHistory: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM } },
  CreateRoom: { access: 'only the user in userId', request: { userId: ALICE, roomName: 'room' } },
  JoinRoom: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM } },
  LeaveRoom: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM } },
  ListRooms: { access: 'only the user in userId', request: { userId: ALICE } },
  GetRoom: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM } },
  EditMessage: { access: 'only the user in userId', request: { userId: ALICE, messageId: 'm-1', message: 'hi' } },
  DeleteMessage: { access: 'only the user in userId', request: { userId: ALICE, messageId: 'm-1' } },
  ListConversations: { access: 'only the user in userId', request: { userId: ALICE } },
  MarkRead: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM, seq: 1 } },
  AddRoomMember: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM, memberId: OTHER } },
  RemoveRoomMember: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM, memberId: OTHER } },
  SetRoomRole: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM, memberId: OTHER, role: 'admin' } },
  UpdateRoom: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM, name: 'renamed' } },
  DeleteRoom: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM } },
  ListRoomMembers: { access: 'only the user in userId', request: { userId: ALICE, roomId: ROOM } },
  ListPublicRooms: { access: 'only the user in userId', request: { userId: ALICE } },
  GetFeedCursor: { access: 'only the user in userId', request: { userId: ALICE } },
  GetFeedEvents: { access: 'only the user in userId', request: { userId: ALICE, since: 'x' } },
});

describe('ChatService acting-user check', () => {
  it('leaves a malformed acting-user id to the service (VALIDATION_FAILED in one process too): it names nobody', async () => {
    const loopback = await startAccessLoopback(chatGrpcService({ messaging: reachedPorts(), roomRegistry: reachedPorts(), roomAdministration: reachedPorts(), conversations: reachedPorts(), messageEditing: reachedPorts(), chatFeed: reachedPorts() }));
    try {
      for (const fromUserId of [0, -1]) {
        const answer = await loopback.caller.call('SendPrivateMessage', { fromUserId, toUserId: OTHER, message: 'hi' }, await loopback.bearer(ALICE));
        expect({ fromUserId, code: answer.code }).toEqual({ fromUserId, code: REACHED });
      }
    } finally {
      await loopback.close();
    }
  });
});
