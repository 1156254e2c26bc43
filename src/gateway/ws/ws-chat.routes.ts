import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { GatewayDeps } from '../gateway-deps';
import { claimsOf } from '../http/auth.plugin';
import { GatewayErrors } from '../http/gateway-errors';
import type { HeldSlot } from '../limits/connection-slots';
import type { GatewayLimits } from '../limits/gateway-limits';
import { SocketThrottle } from '../limits/socket-throttle';
import { CallerCredential, DomainError } from '@chatterroom/kernel';
import { ChatSession, type ChatSessionContext } from './chat-session';
import type { ConnectionRegistry } from './connection-registry';
import type { Heartbeat } from './heartbeat';
import { errorFrame } from './server-frames';
import { SessionCloseCodes, type SocketSessions } from './socket-sessions';
import { sendFrame } from './socket-sender';
import { renewSocketToken } from './token-renewal';
import { releaseUpgradeRequest, socketErrorListener } from './upgrade-release';
import { wsChatSchemas } from './ws-chat.schemas';
import type { TypingRelay } from './typing-relay';
import type { PresenceHub } from './presence-hub';

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
 * after that cursor (see SocketFeed), then continues live. Once upgraded, a socket keeps nothing
 * of its HTTP request (see releaseUpgradeRequest), so an idle socket costs little memory.
 */
export const wsChatRoutes: FastifyPluginAsync<WsChatRoutesOptions> = async (app, { deps, connections, heartbeat, limits, sessions, typing: relay, presence, frameDeadlineMs }) => {
  const slots = new WeakMap<FastifyRequest, HeldSlot>();
  const context: ChatSessionContext = {
    ports: deps,
    logger: app.log,
    frameDeadlineMs,
    renewToken: (session, fields) => renewSocketToken({ tokenVerifier: deps.tokenVerifier, sessions }, session, fields),
    typing: (session, fields) => relay.typing(session.userId, fields),
    subscribePresence: (session, fields) => presence.subscribe(session.socket, fields),
  };
  /** Each open socket's session, its frame rate and its slot among its user's sockets. */
  const open = new WeakMap<WebSocket, { session: ChatSession; throttle: SocketThrottle; slot: HeldSlot | undefined }>();
  const onError = socketErrorListener(app.log);
  const { wsFramesPerSocket, wsExcessFramesPerSocket } = limits.options;
  /** With no frame limit a throttle keeps no state: one serves every socket. */
  const unthrottled = wsFramesPerSocket === null ? new SocketThrottle(null, null) : undefined;
  // one listener of each kind for every socket (`this` is the socket), not closures per socket
  const onMessage = function (this: WebSocket, data: RawData, isBinary: boolean) {
    const socket = open.get(this);
    if (socket === undefined) return;
    const verdict = socket.throttle.admit();
    if (verdict.kind === 'accept') return socket.session.receive(data, isBinary);
    if (verdict.kind === 'close') return this.close(POLICY_VIOLATION, 'Too many frames');
    sendFrame(this, errorFrame(undefined, 'RATE_LIMITED', 'Too many frames: slow down', verdict.retryAfterMs), app.log);
  };
  const onClose = function (this: WebSocket) {
    const socket = open.get(this);
    if (socket === undefined) return;
    open.delete(this);
    connections.remove(socket.session.userId, this);
    presence.closed(socket.session.userId, this);
    socket.slot?.release();
  };
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
      const since = sinceOf(request);
      const transport = request.raw.socket;
      const slot = slots.get(request);
      slots.delete(request);
      const session = new ChatSession(context, socket, userId, request.callerToken ?? undefined);
      releaseUpgradeRequest(socket, request, onError);
      open.set(socket, { session, throttle: unthrottled ?? new SocketThrottle(wsFramesPerSocket, wsExcessFramesPerSocket), slot });
      connections.add(userId, socket, transport, session.feed);
      presence.opened(userId);
      heartbeat.track(socket);
      socket.on('message', onMessage);
      socket.on('close', onClose);
      sessions.track({ socket, revokedCode: SessionCloseCodes.chatSessionRevoked }, claims);
      // the feed has told the client and closed the socket (1013): it resumes from its last cursor
      session.feed.open(since).catch((error: unknown) => app.log.warn({ err: error, userId }, 'replay on a new socket failed'));
    },
  });
};
