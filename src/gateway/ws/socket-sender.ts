import type { Writable } from 'node:stream';
import { WebSocket } from 'ws';
import type { Logger } from '@chatterroom/kernel';
import { OutgoingText } from './outgoing-text';
import type { ServerFrame } from './server-frames';

/** Past this much unsent data a socket is too slow to keep up: it is dropped, not waited for. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

const onSent = (logger: Logger) => (error?: Error) => {
  if (error) logger.debug({ err: error }, 'WebSocket send failed');
};

/**
 * Sends an already-serialised text frame (a string, its UTF-8 bytes, or an {@link OutgoingText}
 * shared by many sockets) to one socket without ever throwing: closed sockets are skipped and a
 * socket that stopped reading is terminated, so it cannot hold up the others. With the socket's
 * `transport` (its TCP socket), an OutgoingText's ready-made frame is written to it as is: the
 * same bytes `ws` would write, in the same stream (so in order with its own writes), without
 * framing it again for this socket. Pass `transport` only for a socket that negotiated no
 * extension (ConnectionRegistry.transportOf gives none for the others): a compressed socket's
 * frames must go through ws. Without it, ws frames the payload.
 */
export const sendText = (socket: WebSocket, text: string | Buffer | OutgoingText, logger: Logger, transport?: Writable): void => {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    logger.warn({ bufferedAmount: socket.bufferedAmount }, 'terminating a WebSocket that does not read its frames');
    socket.terminate();
    return;
  }
  try {
    if (!(text instanceof OutgoingText)) socket.send(text, { binary: false }, onSent(logger));
    else if (transport === undefined || !transport.writable) socket.send(text.payload, { binary: false }, onSent(logger));
    else transport.write(text.framed);
  } catch (error) {
    logger.debug({ err: error }, 'WebSocket send failed');
  }
};

export const sendFrame = (socket: WebSocket, frame: ServerFrame, logger: Logger): void =>
  sendText(socket, JSON.stringify(frame), logger);
