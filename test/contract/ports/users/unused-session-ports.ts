import type { JwksProvider, UserSessions } from '@chatterroom/users/contracts';

const unused = () => Promise.reject(new Error('unused'));

/** Session ports for gRPC tests that exercise other RPCs: every call fails. */
export const unusedSessionPorts: { userSessions: UserSessions; jwksProvider: JwksProvider } = {
  userSessions: {
    refresh: unused,
    revokeSession: unused,
    listSessions: unused,
    isSessionActive: unused,
    issueWsTicket: unused,
    redeemWsTicket: unused,
  },
  jwksProvider: { getJwks: unused },
};
