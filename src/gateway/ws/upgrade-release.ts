import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { WebSocket } from 'ws';
import type { Logger } from '@chatterroom/kernel';

/** WebSocket close code of a socket whose connection failed on the server's side. */
const INTERNAL_ERROR = 1011;

/** The TCP socket's link to the HTTP answer written on it (set by Node's `ServerResponse.assignSocket`). */
type HttpTransport = Socket & { _httpMessage?: ServerResponse | null };

/** A socket's connection failed: logged, and the socket closed with 1011 when still open. */
export const closeOnSocketError = (logger: Logger, socket: WebSocket, error: unknown): void => {
  logger.warn({ err: error }, 'WebSocket error');
  if (socket.readyState === WebSocket.OPEN) socket.close(INTERNAL_ERROR, 'Internal error');
};

/** One 'error' listener for every socket of a route (see {@link releaseUpgradeRequest}). */
export const socketErrorListener = (logger: Logger): ((this: WebSocket, error: Error) => void) =>
  function (this: WebSocket, error: Error) {
    closeOnSocketError(logger, this, error);
  };

/**
 * Lets go of the HTTP request an upgraded socket came with, so an idle socket keeps its
 * socket and nothing of the request (its Fastify request and reply, headers, logger, span,
 * the `ServerResponse` the WebSocket plugin routed it with): the TCP socket forgets that
 * response, and the plugin's 'error' listener, which holds the request, is replaced by
 * `onError`, shared by every socket. The HTTP exchange ended with the 101, so its span
 * (a no-op unless tracing is on) ends now; the request's `onResponse` hooks do not run for it.
 */
export const releaseUpgradeRequest = (socket: WebSocket, request: FastifyRequest, onError: (this: WebSocket, error: Error) => void): void => {
  const transport = request.raw.socket as HttpTransport;
  transport._httpMessage?.detachSocket(transport);
  socket.removeAllListeners('error');
  socket.on('error', onError);
  const span = request.trace?.span;
  span?.setAttribute('http.response.status_code', 101);
  span?.end();
};
