import { WebSocket } from 'ws';
import type { Logger } from '../../../modules/kernel';
import type { ServerFrame } from './server-frames';

/** Past this much unsent data a socket is too slow to keep up: it is dropped, not waited for. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * Sends an already-serialised text frame (a string, or its UTF-8 bytes when one frame goes
 * to many sockets: encoded once, not once per socket) to one socket without ever throwing:
 * closed sockets are skipped and a socket that stopped reading is terminated, so it cannot
 * hold up the others.
 */
export const sendText = (socket: WebSocket, text: string | Buffer, logger: Logger): void => {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    logger.warn({ bufferedAmount: socket.bufferedAmount }, 'terminating a WebSocket that does not read its frames');
    socket.terminate();
    return;
  }
  try {
    socket.send(text, { binary: false }, (error) => {
      if (error) logger.debug({ err: error }, 'WebSocket send failed');
    });
  } catch (error) {
    logger.debug({ err: error }, 'WebSocket send failed');
  }
};

export const sendFrame = (socket: WebSocket, frame: ServerFrame, logger: Logger): void =>
  sendText(socket, JSON.stringify(frame), logger);
