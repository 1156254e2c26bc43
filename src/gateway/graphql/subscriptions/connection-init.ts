import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { isDomainError, type Logger } from '@chatterroom/kernel';
import type { TokenClaims, TokenVerifier, UserSessions } from '@chatterroom/users/contracts';
import { bearerTokenOf } from '../../http/bearer-token';
import { SessionCloseCodes, type SocketSessions } from '../../ws/socket-sessions';
import { Caller } from '../caller';

const stringAt = (value: unknown, key: string): string | undefined => {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'string' && found !== '' ? found : undefined;
};

/**
 * The token of a connection_init payload: `{ token }`, `{ authorization: "Bearer <token>" }`
 * or `{ headers: { authorization: "Bearer <token>" } }`.
 */
export const tokenOfInitPayload = (payload: unknown): string | undefined => {
  const headers = (payload as { headers?: unknown } | null)?.headers;
  const authorization = stringAt(payload, 'authorization') ?? stringAt(payload, 'Authorization') ?? stringAt(headers, 'authorization');
  return stringAt(payload, 'token') ?? bearerTokenOf(authorization);
};

/** The single-use ticket of a connection_init payload: `{ ticket }`. */
export const ticketOfInitPayload = (payload: unknown): string | undefined => stringAt(payload, 'ticket');

/** The key under which a checked connection_init reaches mercurius's onConnect. */
const VERIFIED = '__chatterroomVerifiedConnection';

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Authenticates graphql-transport-ws connections at the socket, before mercurius sees
 * their connection_init: the token (or single-use ticket) is checked once, the socket is
 * registered with {@link SocketSessions} (closed with 4401 when the token expires, 4403 when
 * the session is revoked), and the message mercurius gets carries only a one-time,
 * process-local reference to the result, which `onConnect` exchanges for the caller.
 * Messages a client sends before its connection_init is checked wait their turn.
 */
/** A checked connection_init: its claims and the access token forwarded for the socket's operations. */
interface VerifiedConnection {
  readonly claims: TokenClaims;
  readonly token: string;
}

export class GraphqlConnectionAuth {
  private readonly verified = new Map<string, VerifiedConnection>();

  constructor(
    private readonly deps: {
      tokenVerifier: TokenVerifier;
      userSessions: Pick<UserSessions, 'redeemWsTicket'>;
      sessions: SocketSessions;
      logger: Logger;
    },
  ) {}

  intercept(socket: WebSocket): void {
    const emit = socket.emit.bind(socket) as Emit;
    let state: 'waiting' | 'checking' | 'done' = 'waiting';
    const held: unknown[][] = [];
    (socket as unknown as { emit: Emit }).emit = (event, ...args) => {
      if (event !== 'message' || state === 'done') return emit(event, ...args);
      if (state === 'checking') {
        held.push(args);
        return true;
      }
      const payload = initPayloadOf(args[0]);
      if (payload === undefined) return emit(event, ...args);
      state = 'checking';
      void this.check(payload).then((connection) => {
        const reference = connection === undefined ? undefined : randomUUID();
        if (connection !== undefined && reference !== undefined) {
          this.verified.set(reference, connection);
          this.deps.sessions.track({ socket, revokedCode: SessionCloseCodes.graphqlSessionRevoked }, connection.claims);
        }
        state = 'done';
        const init = { type: 'connection_init', payload: reference === undefined ? {} : { [VERIFIED]: reference } };
        emit('message', Buffer.from(JSON.stringify(init)), false);
        for (const rest of held.splice(0)) emit('message', ...rest);
      });
      return true;
    };
  }

  /** mercurius's `onConnect`: the caller of a checked connection_init; false refuses it (4403). */
  readonly onConnect = async ({ payload }: { payload: unknown }): Promise<{ caller: Caller } | false> => {
    const reference = stringAt(payload, VERIFIED);
    const connection = reference === undefined ? undefined : this.verified.get(reference);
    if (reference === undefined || connection === undefined) return false;
    this.verified.delete(reference);
    return { caller: Caller.verifiedAs(connection.claims, connection.token) };
  };

  private async check(payload: unknown): Promise<VerifiedConnection | undefined> {
    try {
      const token = tokenOfInitPayload(payload);
      if (token !== undefined) return { claims: await this.deps.tokenVerifier.verify(token), token };
      const ticket = ticketOfInitPayload(payload);
      if (ticket === undefined) return undefined;
      const { token: sessionToken, ...claims } = await this.deps.userSessions.redeemWsTicket({ ticket });
      return { claims, token: sessionToken };
    } catch (error) {
      if (!isDomainError(error)) this.deps.logger.error({ err: error }, 'checking a subscription credential failed unexpectedly');
      return undefined;
    }
  }
}

const initPayloadOf = (data: unknown): unknown => {
  let message: unknown;
  try {
    message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'connection_init') return undefined;
  return (message as { payload?: unknown }).payload ?? {};
};
