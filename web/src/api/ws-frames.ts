import type { components } from './ws-frames.gen';

/**
 * The frames of /ws/chat the client reads and writes, taken from the types generated from
 * the gateway's AsyncAPI document (ws-frames.gen.ts; web/test/ws-frame-types.spec.ts fails
 * when they drift): a frame the server renames or reshapes stops the client type-checking.
 */
type Schemas = components['schemas'];
type Keyed<Prefix extends string> = Schemas[Extract<keyof Schemas, `${Prefix}.${string}`>];

/** Every frame the server sends. */
export type ServerFrame = Keyed<'server'>;
/** Every frame a client may send. */
export type ClientFrame = Keyed<'client'>;

/** The server frame of one type. */
export type ServerFrameOf<Type extends ServerFrame['type']> = Extract<ServerFrame, { readonly type: Type }>;
/** A client frame of one type, as sent. */
export type ClientFrameOf<Type extends ClientFrame['type']> = Extract<ClientFrame, { readonly type: Type }>;

export type PushedMessage = ServerFrameOf<'message'>['message'];
/** A deleted message as pushed: its tombstone, with the conversation it belongs to. */
export type DeletedMessage = ServerFrameOf<'message.deleted'>['message'];
export type RoomRole = ServerFrameOf<'room.role-changed'>['role'];
export type RoomVisibility = ServerFrameOf<'room.updated'>['visibility'];
export type PresenceStatus = ServerFrameOf<'presence'>['status'];

/** Parses a text frame; undefined for anything that is not a JSON object with a `type`. */
export const parseServerFrame = (data: unknown): ServerFrame | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    const frame = JSON.parse(data) as { type?: unknown };
    return typeof frame === 'object' && frame !== null && typeof frame.type === 'string' ? (frame as ServerFrame) : undefined;
  } catch {
    return undefined;
  }
};

/** The frame's place in the feed, when it is an event that has one. */
export const cursorOf = (frame: ServerFrame): string | undefined => ('cursor' in frame && typeof frame.cursor === 'string' ? frame.cursor : undefined);
