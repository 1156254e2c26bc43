/** The test-side API of the system suite: clients of whichever target the jest project started. */
export { system, gateway, grpcServices } from './system';
export { HttpClient, type HttpResponse, type Json } from './http-client';
export { ChatSocket, type Frame, type FramePredicate, type ConnectOptions } from './chat-socket';
export { ackBody, errorBody, messagePush, pushWithText, roomEvent, anythingAboutRoom } from './ws-frames';
export { newUser, newUserOn, newUsers, anonymous, newRegistration, type TestUser } from './test-users';
export { uniqueSuffix, uniqueUsername, uniqueText } from './unique';
export { eventually, type EventuallyOptions } from './eventually';
export { expectError, isoTimestamp, anId } from './expectations';
export { ALLOWED_TEST_ORIGIN, FOREIGN_TEST_ORIGIN } from './browser-origins';
export {
  createRoom, joinRoom, leaveRoom, roomWith, sendPrivate, sendToRoom, privateHistory, roomHistory,
  NO_SUCH_USER_ID, NO_SUCH_ROOM_ID,
} from './actions';
export { createRoomWith, addMember, setRole, removeMember } from './room-actions';
export { GrpcCaller, type GrpcAnswer } from './grpc-caller';
export { startOwnTarget } from './own-target';
