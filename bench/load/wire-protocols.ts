import type { SendFrame, SocketSpec, WireProtocol } from './generator-protocol';

/** Bench messages read `b|<flow key>|<send time ms>|<padding>` and travel as a JSON field `"message"`. */
export const MARKER = Buffer.from('"message":"b|');

const startsWith = (data: Buffer, prefix: Buffer): boolean =>
  data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

/** What the socket pool does with one frame while the socket is opening. */
export type HandshakeStep = { readonly reply?: string; readonly ready?: boolean; readonly error?: string };

/**
 * One wire protocol as the generator speaks it: the URL to open, what to send once open,
 * how to tell the socket is ready, how to answer the server's keep-alives, how a send is
 * written and which received frames carry deliveries (counted by their markers, so a
 * Centrifugo frame batching several publications counts each).
 */
export interface WireCodec {
  url(spec: SocketSpec): string;
  /** Sent as soon as the WebSocket opens (empty: nothing). */
  opening(spec: SocketSpec): string;
  /** The first id a send on this socket may use (Centrifugo's commands are numbered). */
  readonly firstCommandId: number;
  handshake(data: Buffer, spec: SocketSpec): HandshakeStep;
  /** The answer to a server keep-alive in this frame, or undefined. */
  keepAlive(data: Buffer): string | undefined;
  /** The frame that sends `message` (already escaped for JSON) the way `frame` says; `id` numbers it where the protocol needs it. */
  send(frame: SendFrame, message: string, id: number): string;
  /** True when the frame may carry deliveries (their markers are then counted). */
  carriesDeliveries(data: Buffer): boolean;
  /** True when the frame reports a refused send. */
  isError(data: Buffer): boolean;
}

const CHATTERROOM_READY = Buffer.from('{"type":"ready"');
const CHATTERROOM_MESSAGE = Buffer.from('{"type":"message"');
const CHATTERROOM_ERROR = Buffer.from('{"type":"error"');

const chatterroom: WireCodec = {
  url: (spec) => `${spec.url}?token=${encodeURIComponent(spec.token)}`,
  opening: () => '',
  firstCommandId: 1,
  handshake: (data) => ({ ready: startsWith(data, CHATTERROOM_READY) }),
  keepAlive: () => undefined,
  send(frame, message) {
    if (frame.type === 'room.send') return `{"type":"room.send","roomId":${frame.roomId},"message":"${message}"}`;
    if (frame.type === 'private.send') return `{"type":"private.send","to":${frame.to},"message":"${message}"}`;
    throw new Error('ChatterRoom has no channel.publish frame');
  },
  carriesDeliveries: (data) => startsWith(data, CHATTERROOM_MESSAGE),
  isError: (data) => startsWith(data, CHATTERROOM_ERROR),
};

const channelOf = (frame: SendFrame): string => {
  if (frame.type !== 'channel.publish') throw new Error(`a peer publishes to channels, not ${frame.type}`);
  return frame.channel;
};

const CENTRIFUGO_PUSH = Buffer.from('"push"');
const CENTRIFUGO_ERROR = Buffer.from('"error":{');

/**
 * Centrifugo's JSON protocol (v6): numbered commands, replies and pushes, several of them
 * newline-separated in one frame; `{}` is the server's ping, answered with `{}`.
 */
const centrifugo: WireCodec = {
  url: (spec) => spec.url,
  opening: (spec) => [
    `{"id":1,"connect":${spec.token === '' ? '{}' : JSON.stringify({ token: spec.token })}}`,
    ...(spec.channels ?? []).map((channel, index) => `{"id":${index + 2},"subscribe":{"channel":${JSON.stringify(channel)}}}`),
  ].join('\n'),
  firstCommandId: 1_000,
  handshake(data, spec) {
    const text = data.toString('utf8');
    if (text.includes('"error":{')) return { error: `centrifugo refused the handshake: ${text.slice(0, 300)}` };
    const last = (spec.channels ?? []).length + 1;
    return { ready: text.includes(`{"id":${last},`) };
  },
  keepAlive: (data) => (data.length === 2 && data[0] === 0x7b && data[1] === 0x7d) || data.includes('\n{}') || startsWith(data, Buffer.from('{}\n')) ? '{}' : undefined,
  send: (frame, message, id) => `{"id":${id},"publish":{"channel":"${channelOf(frame)}","data":{"message":"${message}"}}}`,
  carriesDeliveries: (data) => data.includes(CENTRIFUGO_PUSH),
  isError: (data) => data.includes(CENTRIFUGO_ERROR),
};

const SIO_OPEN = 0x30; // '0': engine.io open
const SIO_PING = Buffer.from('2');
const SIO_READY = Buffer.from('42["ready"');
const SIO_MESSAGE = Buffer.from('42["message"');
const SIO_ERROR = Buffer.from('42["error"');

/**
 * Socket.IO v4 over a plain WebSocket (engine.io v4): `0{..}` open, `40` to join the default
 * namespace, `2`/`3` ping/pong, events as `42["name",payload]`. The relay joins the rooms named in
 * the query and emits `ready`.
 */
const socketio: WireCodec = {
  url: (spec) => `${spec.url}/socket.io/?EIO=4&transport=websocket&rooms=${encodeURIComponent((spec.channels ?? []).join(','))}`,
  opening: () => '',
  firstCommandId: 1,
  handshake: (data) => {
    if (data[0] === SIO_OPEN && data.length > 1 && data[1] === 0x7b) return { reply: '40' };
    return { ready: startsWith(data, SIO_READY) };
  },
  keepAlive: (data) => (data.length === 1 && data.equals(SIO_PING) ? '3' : undefined),
  send: (frame, message) => `42["send",{"room":"${channelOf(frame)}","message":"${message}"}]`,
  carriesDeliveries: (data) => startsWith(data, SIO_MESSAGE),
  isError: (data) => startsWith(data, SIO_ERROR),
};

export const CODECS: Readonly<Record<WireProtocol, WireCodec>> = { chatterroom, centrifugo, socketio };

/** The codec a socket spec asks for. */
export const codecOf = (spec: SocketSpec): WireCodec => CODECS[spec.protocol ?? 'chatterroom'];
