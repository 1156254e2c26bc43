import { wireInput, wireInt32, wireString } from '@chatterroom/platform/grpc';
import type {
  AccessToken,
  JsonWebKeySet,
  ListSessionsInput,
  RefreshSessionInput,
  SessionRef,
  SessionSummary,
  RedeemedWsTicket,
  WsTicket,
  WsTicketInput,
} from '../../contracts';

/*
 * The session messages of proto/users.proto as proto-loader decodes them, and their
 * mapping to the users contracts. proto3 strings cannot be absent: empty means "not given".
 */

export interface AuthenticateResponseMessage {
  readonly token: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly sessionId: string;
}

export interface RefreshSessionRequestMessage {
  readonly refreshToken: string;
  readonly userAgent: string;
  readonly ip: string;
}

export interface SessionRefMessage {
  readonly userId: number;
  readonly sessionId: string;
}

export interface ListSessionsRequestMessage {
  readonly userId: number;
  readonly currentSessionId: string;
}

export interface SessionSummaryMessage {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly userAgent: string;
  readonly ip: string;
  readonly current: boolean;
}

export interface ListSessionsResponseMessage {
  readonly sessions: readonly SessionSummaryMessage[];
}

export interface GetJwksResponseMessage {
  readonly keys: JsonWebKeySet['keys'];
}

export interface CheckSessionResponseMessage {
  readonly active: boolean;
}

export interface IssueWsTicketRequestMessage extends SessionRefMessage {
  readonly expiresAt: string;
}

export interface IssueWsTicketResponseMessage {
  readonly ticket: string;
  readonly expiresIn: number;
}

export interface RedeemWsTicketRequestMessage {
  readonly ticket: string;
}

export interface RedeemWsTicketResponseMessage {
  readonly userId: number;
  readonly sessionId: string;
  readonly expiresAt: string;
  readonly token: string;
}

const optionalText = (value: unknown, field: string): string => (value === undefined ? '' : wireString(value, field));
const presentOnly = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  (value === '' ? {} : { [key]: value }) as Partial<Record<K, string>>;

export const accessTokenMessageOf = (token: AccessToken): AuthenticateResponseMessage => ({
  token: token.token,
  refreshToken: token.refreshToken,
  expiresIn: token.expiresIn,
  sessionId: token.sessionId,
});

export const accessTokenOf = (message: AuthenticateResponseMessage): AccessToken => ({
  token: message.token,
  refreshToken: message.refreshToken,
  expiresIn: message.expiresIn,
  sessionId: message.sessionId,
});

export const refreshRequestOf = (input: RefreshSessionInput): RefreshSessionRequestMessage => {
  const fields = wireInput(input);
  return {
    refreshToken: wireString(fields.refreshToken, 'refreshToken'),
    userAgent: optionalText(fields.userAgent, 'userAgent'),
    ip: optionalText(fields.ip, 'ip'),
  };
};

export const refreshInputOf = (message: RefreshSessionRequestMessage): RefreshSessionInput => ({
  refreshToken: message.refreshToken,
  ...presentOnly('userAgent', message.userAgent),
  ...presentOnly('ip', message.ip),
});

export const sessionRefMessageOf = (input: SessionRef): SessionRefMessage => {
  const fields = wireInput(input);
  return { userId: wireInt32(fields.userId, 'userId'), sessionId: wireString(fields.sessionId, 'sessionId') };
};

export const listSessionsRequestOf = (input: ListSessionsInput): ListSessionsRequestMessage => {
  const fields = wireInput(input);
  return { userId: wireInt32(fields.userId, 'userId'), currentSessionId: optionalText(fields.currentSessionId, 'currentSessionId') };
};

export const listSessionsInputOf = (message: ListSessionsRequestMessage): ListSessionsInput => ({
  userId: message.userId,
  ...presentOnly('currentSessionId', message.currentSessionId),
});

export const sessionSummaryMessagesOf = (sessions: readonly SessionSummary[]): ListSessionsResponseMessage => ({
  sessions: sessions.map((session) => ({
    sessionId: session.sessionId,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    userAgent: session.userAgent ?? '',
    ip: session.ip ?? '',
    current: session.current,
  })),
});

export const sessionSummariesOf = (message: ListSessionsResponseMessage): SessionSummary[] =>
  message.sessions.map((session) => ({
    sessionId: session.sessionId,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    ...presentOnly('userAgent', session.userAgent),
    ...presentOnly('ip', session.ip),
    current: session.current,
  }));

export const jwksOf = (message: GetJwksResponseMessage): JsonWebKeySet => ({
  keys: message.keys.map(({ kty, crv, x, kid, alg, use }) => ({ kty, crv, x, kid, alg, use })),
});

export const issueWsTicketRequestOf = (input: WsTicketInput): IssueWsTicketRequestMessage => ({
  ...sessionRefMessageOf(input),
  expiresAt: wireString(wireInput(input).expiresAt, 'expiresAt'),
});

export const wsTicketOf = (message: IssueWsTicketResponseMessage): WsTicket => ({ ticket: message.ticket, expiresIn: message.expiresIn });

export const redeemWsTicketRequestOf = (input: { readonly ticket: string }): RedeemWsTicketRequestMessage => ({
  ticket: wireString(wireInput(input).ticket, 'ticket'),
});

export const redeemedTicketMessageOf = (redeemed: RedeemedWsTicket): RedeemWsTicketResponseMessage => ({
  userId: redeemed.userId,
  sessionId: redeemed.sessionId,
  expiresAt: redeemed.expiresAt,
  token: redeemed.token,
});

export const redeemedTicketOf = (message: RedeemWsTicketResponseMessage): RedeemedWsTicket => ({
  userId: message.userId,
  sessionId: message.sessionId,
  expiresAt: message.expiresAt,
  token: message.token,
});
