import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { GatewayDeps } from '../gateway-deps';
import { callerIdOf } from '../http/auth.plugin';
import { GatewayErrors } from '../http/gateway-errors';
import { ChatSession } from './chat-session';
import type { ConnectionRegistry } from './connection-registry';
import type { Heartbeat } from './heartbeat';
import { sendFrame } from './socket-sender';
import { wsChatSchemas } from './ws-chat.schemas';

export interface WsChatRoutesOptions {
  readonly deps: GatewayDeps;
  readonly connections: ConnectionRegistry;
  readonly heartbeat: Heartbeat;
}

/** Logs the upgrade request without its `?token=`. */
const redactedRequest = (request: FastifyRequest) => ({
  method: request.method,
  url: request.url.replace(/([?&]token=)[^&]*/gi, '$1[redacted]'),
  remoteAddress: request.ip,
});

/**
 * /ws/chat: authenticated before the upgrade (the token from `Authorization: Bearer` or
 * `?token=`; refused with 401 and the usual error body), then one {@link ChatSession}
 * per socket, registered under its user so chat events reach it.
 */
export const wsChatRoutes: FastifyPluginAsync<WsChatRoutesOptions> = async (app, { deps, connections, heartbeat }) => {
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
      const userId = callerIdOf(request);
      const session = new ChatSession({ ports: deps, socket, userId, token: request.callerToken ?? undefined, logger: request.log });
      connections.add(userId, socket, request.raw.socket);
      heartbeat.track(socket);
      socket.on('message', (data, isBinary) => session.receive(data, isBinary));
      socket.on('close', () => connections.remove(userId, socket));
      sendFrame(socket, { type: 'ready', userId }, request.log);
    },
  });
};
