import type { Channel, Message } from 'amqplib';

/**
 * Settles one consume channel's deliveries in as few frames as it can. Acks given within one turn
 * of the event loop go out together on the next: the run of acked deliveries from the oldest still
 * unsettled as one `basic.ack` with `multiple` (the broker settles every delivery of the channel up
 * to that tag, and only those are unsettled here), any acked after a delivery still being handled
 * one frame each. Under load a gateway consumed each chat event with a socket write for its ack
 * alone. A nack goes out at once, after the acks given before it. A delivery is settled at most
 * once; nothing is sent once `alive` says the channel closed (the broker requeues what it holds),
 * and a frame the closing channel refuses goes to `refused`, never thrown.
 */
export class ConsumeAcks {
  /** Deliveries received and not yet acked or nacked on the wire, in delivery-tag order. */
  private unsettled: Message[] = [];
  /** Delivery tags acked by their handlers and not yet sent. */
  private readonly acked = new Set<number>();
  private flushQueued = false;

  constructor(
    private readonly channel: Channel,
    private readonly alive: () => boolean,
    private readonly refused: (error: unknown) => void,
  ) {}

  /** Notes a delivery as it arrives (deliveries arrive in tag order). */
  received(message: Message): void {
    this.unsettled.push(message);
  }

  /** Acks the delivery with the next frames sent (at the latest on the next turn of the event loop). */
  ack(message: Message): void {
    this.acked.add(message.fields.deliveryTag);
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  /** Sends the acks given so far, then the nack of this delivery. */
  nack(message: Message, requeue: boolean): void {
    this.flush();
    const tag = message.fields.deliveryTag;
    this.unsettled = this.unsettled.filter((pending) => pending.fields.deliveryTag !== tag);
    this.send(() => this.channel.nack(message, false, requeue));
  }

  /** Sends the acks given so far: a leading run as one frame, the others one each. */
  flush(): void {
    if (this.acked.size === 0) return;
    if (!this.alive()) {
      this.acked.clear();
      this.unsettled = [];
      return;
    }
    const run = this.unsettled.findIndex((message) => !this.acked.has(message.fields.deliveryTag));
    const leading = run === -1 ? this.unsettled.length : run;
    const last = this.unsettled[leading - 1];
    if (last !== undefined) this.send(() => this.channel.ack(last, true));
    const rest = this.unsettled.slice(leading);
    for (const message of rest) if (this.acked.has(message.fields.deliveryTag)) this.send(() => this.channel.ack(message));
    this.unsettled = rest.filter((message) => !this.acked.has(message.fields.deliveryTag));
    this.acked.clear();
  }

  private send(frame: () => void): void {
    if (!this.alive()) return;
    try {
      frame();
    } catch (error) {
      this.refused(error);
    }
  }
}
