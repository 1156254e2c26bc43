import type { FastifyPluginAsync } from 'fastify';
import { deleteMessage, editMessage } from '../api/message-changes.api';
import { callerIdOf } from '../http/auth.plugin';
import { messageChangesSchemas } from './message-changes.schemas';
import type { RouteGroupOptions } from './route-options';

const messageIdOf = (params: unknown): string => (params as { messageId: string }).messageId;

/** Editing and deleting messages already sent. */
export const messageChangesRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.patch('/chats/messages/:messageId', { schema: messageChangesSchemas.edit }, async (request) =>
    editMessage(deps, callerIdOf(request), messageIdOf(request.params), request.body),
  );

  app.delete('/chats/messages/:messageId', { schema: messageChangesSchemas.delete }, async (request) =>
    deleteMessage(deps, callerIdOf(request), messageIdOf(request.params)),
  );
};
