import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { GatewayDeps } from '../gateway-deps';
import { claimsOf } from '../http/auth.plugin';
import { GatewayErrors } from '../http/gateway-errors';
import { ChatSession } from './chat-session';
import type { ConnectionRegistry } from './connection-registry';
import type { Heartbeat } from './heartbeat';
import { SessionCloseCodes, type SocketSessions } from './socket-sessions';
import { sendFrame } from './socket-sender';
import { tokenRenewal } from './token-renewal';
import { wsChatSchemas } from './ws-chat.schemas';

export interface WsChatRoutesOptions {
  readonly deps: GatewayDeps;
  readonly connections: ConnectionRegistry;
  readonly heartbeat: Heartbeat;
  readonly sessions: SocketSessions;
}

/** Logs the upgrade request without its `?token=` or `?ticket=`. */
const redactedRequest = (request: FastifyRequest) => ({
  method: request.method,
  url: request.url.replace(/([?&](?:token|ticket)=)[^&]*/gi, '$1[redacted]'),
  remoteAddress: request.ip,
});

/**
 * /ws/chat: authenticated before the upgrade (the token from `Authorization: Bearer` or
 * `?token=`, or a single-use `?ticket=`; refused with 401 and the usual error body), then
 * one {@link ChatSession} per socket, registered under its user so chat events reach it,
 * and under its session so it ends with its token (4401) or when the session is revoked.
 */
export const wsChatRoutes: FastifyPluginAsync<WsChatRoutesOptions> = async (app, { deps, connections, heartbeat, sessions }) => {
  app.route({
    method: 'GET',
    url: '/ws/chat',
    config: { tokenInQuery: true },
    schema: wsChatSchemas.upgrade,
    logSerializers: { req: redactedRequest },
    handler: async () => {
      throw GatewayErrors.upgradeRequired();
    },
    wsHandler: (socket: WebSocket, request: FastifyRequest) => {
      const claims = claimsOf(request);
      const { userId } = claims;
      const renewToken = tokenRenewal({ tokenVerifier: deps.tokenVerifier, sessions, socket, userId });
      const token = request.callerToken ?? undefined;
      const session = new ChatSession({ ports: deps, socket, userId, token, logger: request.log, renewToken });
      connections.add(userId, socket, request.raw.socket);
      heartbeat.track(socket);
      socket.on('message', (data, isBinary) => session.receive(data, isBinary));
      socket.on('close', () => connections.remove(userId, socket));
      sessions.track({ socket, revokedCode: SessionCloseCodes.chatSessionRevoked }, claims);
      sendFrame(socket, { type: 'ready', userId }, request.log);
    },
  });
};
