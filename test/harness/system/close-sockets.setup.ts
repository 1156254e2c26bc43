import { ChatSocket } from './chat-socket';

/** setupFilesAfterEnv of the system projects: no socket outlives its test. */
afterEach(() => ChatSocket.closeAll());
