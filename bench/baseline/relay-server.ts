import fastifyWebsocket from '@fastify/websocket';
import fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { RelayState } from './relay-state';

type Body = Record<string, unknown>;

/** The caller named by `Authorization: Bearer <userId>` or `?token=<userId>`: the relay trusts it. */
const callerOf = (request: FastifyRequest): number => {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7) : (request.query as { token?: string }).token;
  return Number(token);
};

const textOf = (data: RawData): string => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');

/**
 * The raw ceiling: fastify + @fastify/websocket relaying messages with none of
 * ChatterRoom's logic (no auth, validation, storage or events), speaking just enough of
 * its API (the same paths, frames and push shape) for the same load generator to drive it.
 */
export const buildRelayServer = async (options: { coalesce: boolean }): Promise<FastifyInstance> => {
  const app = fastify({ logger: false, bodyLimit: 64 * 1024 });
  const state = new RelayState(options.coalesce);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.get('/health', async () => ({ status: 'ok' }));
  app.post('/users/create', async (request, reply) => {
    const { username, email } = request.body as Body;
    reply.code(201);
    return { userId: state.createUser(String(username)), username, email };
  });
  app.post('/users/authenticate', async (request) => ({ token: String(state.userNamed(String((request.body as Body).username))) }));
  app.post('/rooms/create', async (request, reply) => {
    reply.code(201);
    return { roomId: state.createRoom(callerOf(request)), name: (request.body as Body).name };
  });
  app.post('/rooms/:roomId/join', async (request) => {
    const roomId = Number((request.params as { roomId: string }).roomId);
    state.join(roomId, callerOf(request));
    return { roomId, userId: callerOf(request), joined: true };
  });
  app.post('/chats/room/:roomId', async (request, reply) => {
    reply.code(201);
    return state.sendToRoom(callerOf(request), Number((request.params as { roomId: string }).roomId), String((request.body as Body).message));
  });
  app.post('/chats/private/:recipientId', async (request, reply) => {
    reply.code(201);
    return state.sendPrivate(callerOf(request), Number((request.params as { recipientId: string }).recipientId), String((request.body as Body).message));
  });

  app.get('/ws/chat', { websocket: true }, (socket: WebSocket, request: FastifyRequest) => {
    const userId = callerOf(request);
    state.connect(userId, socket, request.raw.socket);
    socket.on('message', (data: RawData) => {
      const frame = JSON.parse(textOf(data)) as Body;
      const reply = (result: unknown) => socket.send(JSON.stringify({ type: 'ack', ...(frame.id === undefined ? {} : { id: frame.id }), result }));
      if (frame.type === 'room.send') reply(state.sendToRoom(userId, Number(frame.roomId), String(frame.message)));
      else if (frame.type === 'private.send') reply(state.sendPrivate(userId, Number(frame.to), String(frame.message)));
      else if (frame.type === 'room.join') {
        state.join(Number(frame.roomId), userId);
        reply({ roomId: frame.roomId, userId, joined: true });
      } else if (frame.type === 'ping') socket.send(JSON.stringify({ type: 'pong', ...(frame.id === undefined ? {} : { id: frame.id }) }));
    });
    socket.send(JSON.stringify({ type: 'ready', userId }));
  });
  return app;
};
