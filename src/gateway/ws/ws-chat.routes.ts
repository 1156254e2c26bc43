import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { GatewayDeps } from '../gateway-deps';
import { claimsOf } from '../http/auth.plugin';
import { GatewayErrors } from '../http/gateway-errors';
import type { HeldSlot } from '../limits/connection-slots';
import type { GatewayLimits } from '../limits/gateway-limits';
import { SocketThrottle } from '../limits/socket-throttle';
import { CallerCredential, DomainError } from '../../../modules/kernel';
import { ChatSession } from './chat-session';
import { SocketFeed } from './socket-feed';
import type { ConnectionRegistry } from './connection-registry';
import type { Heartbeat } from './heartbeat';
import { errorFrame } from './server-frames';
import { SessionCloseCodes, type SocketSessions } from './socket-sessions';
import { sendFrame } from './socket-sender';
import { tokenRenewal } from './token-renewal';
import { wsChatSchemas } from './ws-chat.schemas';
import type { TypingRelay } from './typing-relay';
import type { PresenceHub } from './presence-hub';
import type { InputFields } from '../api/input-fields';

export interface WsChatRoutesOptions {
  readonly deps: GatewayDeps;
  readonly connections: ConnectionRegistry;
  readonly heartbeat: Heartbeat;
  readonly limits: GatewayLimits;
  readonly sessions: SocketSessions;
  readonly typing: TypingRelay;
  readonly presence: PresenceHub;
  /** The budget of one frame from its arrival (REQUEST_DEADLINE_MS). */
  readonly frameDeadlineMs: number;
}

/** WebSocket close code for a client that keeps sending past its frame limit. */
export const POLICY_VIOLATION = 1008;

/** Logs the upgrade request without its `?token=` or `?ticket=`. */
const redactedRequest = (request: FastifyRequest) => ({
  method: request.method,
  url: request.url.replace(/([?&](?:token|ticket)=)[^&]*/gi, '$1[redacted]'),
  remoteAddress: request.ip,
});

const sinceOf = (request: FastifyRequest): string | undefined => (request.query as { since?: string }).since;

/**
 * A `?since=` that is not a cursor is refused before the upgrade (400 SYNC_CURSOR_INVALID);
 * an expired one is let through, for the socket to answer with a `resync` frame.
 */
const refuseInvalidCursor = async (deps: GatewayDeps, request: FastifyRequest): Promise<void> => {
  const since = sinceOf(request);
  if (since === undefined) return;
  const { userId } = claimsOf(request);
  try {
    await CallerCredential.run(request.callerToken ?? undefined, () => deps.chatFeed.eventsSince({ userId, since, limit: 1 }));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SYNC_CURSOR_EXPIRED') return;
    throw error;
  }
};

/**
 * /ws/chat: authenticated before the upgrade (the token from `Authorization: Bearer` or
 * `?token=`, or a single-use `?ticket=`; refused with 401 and the usual error body), then
 * one {@link ChatSession} per socket, registered under its user so chat events reach it,
 * and under its session so it ends with its token (4401) or when the session is revoked.
 * A user at the limit of open sockets gets HTTP 429 instead of the upgrade; frames past the
 * socket's rate are answered RATE_LIMITED, and a client that keeps on is closed with 1008.
 * Each socket starts with `ready` and its cursor; with `?since=` it first replays every event
 * after that cursor (see SocketFeed), then continues live.
 */
export const wsChatRoutes: FastifyPluginAsync<WsChatRoutesOptions> = async (app, { deps, connections, heartbeat, limits, sessions, typing: relay, presence, frameDeadlineMs }) => {
  const slots = new WeakMap<FastifyRequest, HeldSlot>();
  app.route({
    method: 'GET',
    url: '/ws/chat',
    config: { tokenInQuery: true },
    schema: wsChatSchemas.upgrade,
    logSerializers: { req: redactedRequest },
    preHandler: async (request) => {
      await refuseInvalidCursor(deps, request);
      slots.set(request, await limits.connections.take(claimsOf(request).userId));
    },
    handler: async (request) => {
      slots.get(request)?.release();
      throw GatewayErrors.upgradeRequired();
    },
    wsHandler: (socket: WebSocket, request: FastifyRequest) => {
      const claims = claimsOf(request);
      const { userId } = claims;
      const renewToken = tokenRenewal({ tokenVerifier: deps.tokenVerifier, sessions, socket, userId });
      const token = request.callerToken ?? undefined;
      const feed: SocketFeed = new SocketFeed({ socket, userId, chatFeed: deps.chatFeed, token: () => session.currentToken, logger: request.log });
      const resume = (since: string) => feed.replay(since, false);
      const typing = (fields: InputFields) => relay.typing(userId, fields);
      const subscribePresence = (fields: InputFields) => presence.subscribe(socket, fields);
      const session = new ChatSession({ ports: deps, socket, userId, token, logger: request.log, renewToken, resume, typing, subscribePresence, frameDeadlineMs });
      const throttle = new SocketThrottle(limits.options.wsFramesPerSocket, limits.options.wsExcessFramesPerSocket);
      connections.add(userId, socket, request.raw.socket, feed);
      presence.opened(userId);
      heartbeat.track(socket);
      socket.on('message', (data, isBinary) => {
        const verdict = throttle.admit();
        if (verdict.kind === 'accept') return session.receive(data, isBinary);
        if (verdict.kind === 'close') return socket.close(POLICY_VIOLATION, 'Too many frames');
        sendFrame(socket, errorFrame(undefined, 'RATE_LIMITED', 'Too many frames: slow down', verdict.retryAfterMs), request.log);
      });
      socket.on('close', () => {
        connections.remove(userId, socket);
        presence.closed(userId, socket);
        slots.get(request)?.release();
      });
      sessions.track({ socket, revokedCode: SessionCloseCodes.chatSessionRevoked }, claims);
      // the feed has told the client and closed the socket (1013): it resumes from its last cursor
      feed.open(sinceOf(request)).catch((error: unknown) => request.log.warn({ err: error, userId }, 'replay on a new socket failed'));
    },
  });
};
