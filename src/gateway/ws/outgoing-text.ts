import * as ws from 'ws';

interface FrameOptions {
  readonly fin: boolean;
  readonly rsv1: boolean;
  readonly opcode: number;
  readonly mask: boolean;
  readonly readOnly: boolean;
}

/** ws's own framing (`Sender.frame`), which its type declarations leave out. */
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } };

const TEXT_OPCODE = 1;

/**
 * One text frame going to many sockets: its UTF-8 payload, encoded once, and the whole
 * WebSocket frame (header and payload; server frames are never masked), built once on first
 * use, so a push to a room of a thousand costs one JSON encoding, one framing and a thousand
 * writes of the same bytes.
 */
export class OutgoingText {
  private framedBytes: Buffer | undefined;

  constructor(readonly payload: Buffer) {}

  static of(frame: unknown): OutgoingText {
    return new OutgoingText(Buffer.from(JSON.stringify(frame)));
  }

  /** The complete frame as it goes on the wire to a socket without extensions. */
  get framed(): Buffer {
    this.framedBytes ??= Buffer.concat(Sender.frame(this.payload, { fin: true, rsv1: false, opcode: TEXT_OPCODE, mask: false, readOnly: false }));
    return this.framedBytes;
  }
}
