import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { eventually } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { ConsumeAcks } from './consume-acks';

/** A private queue holding `count` messages, consumed on a channel with room for all of them unacked. */
const consumed = async (connection: ChannelModel, count: number) => {
  const channel = await connection.createChannel();
  await channel.prefetch(count);
  const { queue } = await channel.assertQueue('', { exclusive: true });
  for (let index = 0; index < count; index += 1) channel.sendToQueue(queue, Buffer.from(String(index)));
  const deliveries: ConsumeMessage[] = [];
  const acks = new ConsumeAcks(channel, () => true, (error) => {
    throw error;
  });
  await channel.consume(queue, (message) => {
    if (message === null) return;
    acks.received(message);
    deliveries.push(message);
  });
  await eventually(() => expect(deliveries).toHaveLength(count));
  return { channel, queue, deliveries, acks };
};

/** What the broker still holds in `queue` (ready or unacked) once `channel`, the consumer's, is closed. */
const leftAfterClose = async (connection: ChannelModel, channel: Channel, queue: string): Promise<string[]> => {
  const inspector = await connection.createChannel();
  await channel.close();
  const left: string[] = [];
  for (;;) {
    const message = await inspector.get(queue, { noAck: true });
    if (message === false) return left;
    left.push(message.content.toString());
  }
};

/** Counts the frames `channel.ack` sends, with the flag each carried. */
const countAcks = (channel: Channel): { multiple: boolean[] } => {
  const seen = { multiple: [] as boolean[] };
  const ack = channel.ack.bind(channel);
  channel.ack = (message, allUpTo) => {
    seen.multiple.push(allUpTo === true);
    ack(message, allUpTo);
  };
  return seen;
};

describe('ConsumeAcks (RabbitMQ)', () => {
  let connection: ChannelModel;
  beforeEach(async () => {
    connection = await connect(serviceUrls.amqp);
  });
  afterEach(async () => {
    await connection.close();
  });

  it('acks the deliveries of one turn with one frame, and the broker holds none of them after', async () => {
    const { channel, queue, deliveries, acks } = await consumed(connection, 40);
    const frames = countAcks(channel);
    for (const message of [...deliveries].reverse()) acks.ack(message);
    await eventually(() => expect(frames.multiple).toEqual([true]));
    expect(await leftAfterClose(connection, channel, queue)).toEqual([]);
  });

  it('leaves a delivery still being handled unacked, and acks those after it one by one', async () => {
    const { channel, queue, deliveries, acks } = await consumed(connection, 6);
    const frames = countAcks(channel);
    for (const message of deliveries.filter((_, index) => index !== 2)) acks.ack(message);
    await eventually(() => expect(frames.multiple).toEqual([true, false, false, false]));
    expect(await leftAfterClose(connection, channel, queue)).toEqual(['2']);
  });

  it('acks the rest once the slow delivery is done, without acking anything twice', async () => {
    const { channel, queue, deliveries, acks } = await consumed(connection, 5);
    for (const message of deliveries.slice(0, 4)) if (message !== deliveries[1]) acks.ack(message);
    await new Promise((resolve) => setImmediate(resolve));
    const frames = countAcks(channel);
    acks.ack(deliveries[1] as ConsumeMessage);
    acks.ack(deliveries[4] as ConsumeMessage);
    await eventually(() => expect(frames.multiple).toEqual([true]));
    // A second ack of a tag would close the channel with PRECONDITION_FAILED: it is still open.
    expect(await leftAfterClose(connection, channel, queue)).toEqual([]);
  });

  it('sends the acks given before a nack first, and requeues only the nacked delivery', async () => {
    const { channel, queue, deliveries, acks } = await consumed(connection, 4);
    const frames = countAcks(channel);
    acks.ack(deliveries[0] as ConsumeMessage);
    acks.ack(deliveries[1] as ConsumeMessage);
    acks.nack(deliveries[2] as ConsumeMessage, true);
    acks.ack(deliveries[3] as ConsumeMessage);
    await eventually(() => expect(frames.multiple).toEqual([true, true]));
    expect(await leftAfterClose(connection, channel, queue)).toEqual(['2']);
  });

  it('sends nothing once the channel is no longer alive', async () => {
    const channel = await connection.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    channel.sendToQueue(queue, Buffer.from('0'));
    let alive = true;
    const acks = new ConsumeAcks(channel, () => alive, (error) => {
      throw error;
    });
    const delivered: ConsumeMessage[] = [];
    await channel.consume(queue, (message) => {
      if (message === null) return;
      acks.received(message);
      delivered.push(message);
    });
    await eventually(() => expect(delivered).toHaveLength(1));
    const frames = countAcks(channel);
    alive = false;
    acks.ack(delivered[0] as ConsumeMessage);
    acks.flush();
    expect(frames.multiple).toEqual([]);
    expect(await leftAfterClose(connection, channel, queue)).toEqual(['0']);
  });
});
