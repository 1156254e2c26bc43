import { createEvent, RequestId, silentLogger } from '@chatterroom/kernel';
import { describeEventBusContract } from '@chatterroom/test/contract/ports/event-bus/event-bus.contract';
import { EventRecorder, eventually, uniqueModule } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { connect, type GetMessage } from 'amqplib';
import { AmqpConnectionError } from './amqp-url';
import { RabbitMqEventBus, type RabbitMqEventBusDeps } from './rabbitmq-event-bus';

/** Tests share one exchange apart from production's; their group queues expire once unused. */
const TEST_EXCHANGE = 'chatterroom.test-events';
const makeBus = (extra: Partial<RabbitMqEventBusDeps> = {}) =>
  new RabbitMqEventBus({
    amqpUrl: serviceUrls.amqp,
    logger: silentLogger,
    exchange: TEST_EXCHANGE,
    groupQueueExpiresMs: 60_000,
    ...extra,
  });

describeEventBusContract('RabbitMqEventBus', async () => {
  const buses = [makeBus(), makeBus()] as const;
  await Promise.all(buses.map((bus) => bus.connect()));
  return { buses, close: async () => void (await Promise.all(buses.map((bus) => bus.close()))) };
});

/** Publishes with a connected `bus` and returns the one message a raw queue bound to `type` got. */
const publishedRaw = async (bus: RabbitMqEventBus, type: string, publish: () => Promise<void>): Promise<GetMessage> => {
  const raw = await connect(serviceUrls.amqp);
  try {
    await bus.connect();
    const channel = await raw.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, TEST_EXCHANGE, type);
    await publish();
    let message: GetMessage | false = false;
    await eventually(async () => {
      message ||= await channel.get(queue, { noAck: true });
      expect(message).not.toBe(false);
    });
    return message as unknown as GetMessage;
  } finally {
    await raw.close();
  }
};

describe('RabbitMqEventBus', () => {
  it('fails the first connection with a message naming the URL without its password', async () => {
    const bus = makeBus({ amqpUrl: 'amqp://guest:s3cret@127.0.0.1:1' });
    const failure = bus.connect();
    await expect(failure).rejects.toBeInstanceOf(AmqpConnectionError);
    await expect(failure).rejects.toThrow(/Cannot connect to RabbitMQ at amqp:\/\/guest@127\.0\.0\.1:1/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
    await expect(bus.publish(createEvent(`${uniqueModule()}.lost.v1`, {}))).rejects.toBeInstanceOf(AmqpConnectionError);
    await bus.close();
  });

  it('acks and skips a malformed message, then carries on', async () => {
    const bus = makeBus();
    const recorder = new EventRecorder();
    const type = `${uniqueModule()}.raw-happened.v1`;
    await bus.subscribe({ types: [type], delivery: { mode: 'broadcast' } }, recorder.handler('b'));
    const raw = await connect(serviceUrls.amqp);
    try {
      const channel = await raw.createConfirmChannel();
      channel.publish(TEST_EXCHANGE, type, Buffer.from('not json'));
      channel.publish(TEST_EXCHANGE, type, Buffer.from(JSON.stringify({ nothing: 'useful' })));
      await channel.waitForConfirms();
      const good = createEvent(type, { ok: true });
      await bus.publish(good);
      await eventually(() => expect(recorder.allIds()).toEqual([good.id]));
    } finally {
      await raw.close();
      await bus.close();
    }
  });

  // The trace itself (which needs the OpenTelemetry SDK started) is checked in test/resilience/tracing.int.spec.ts.
  it("publishes an event with an origin under the origin's request id, and leaves the origin out of its body", async () => {
    const bus = makeBus();
    const type = `${uniqueModule()}.origin-happened.v1`;
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const sent = { ...createEvent(type, { n: 1 }), origin: { traceparent, 'x-request-id': 'origin-request' } };
    try {
      const received = await publishedRaw(bus, type, () => RequestId.run('publisher-request', () => bus.publish(sent)));
      expect(received.properties.headers).toMatchObject({ 'x-request-id': 'origin-request' });
      const { origin: _origin, ...body } = sent;
      expect(JSON.parse(received.content.toString('utf8'))).toEqual(body);
    } finally {
      await bus.close();
    }
  });

  it('publishes persistent JSON messages with the event id and type', async () => {
    const bus = makeBus();
    const type = `${uniqueModule()}.props-happened.v1`;
    const sent = createEvent(type, { n: 1 });
    try {
      const message = await publishedRaw(bus, type, () => bus.publish(sent));
      expect(message).toMatchObject({
        fields: { routingKey: type, exchange: TEST_EXCHANGE },
        properties: { deliveryMode: 2, contentType: 'application/json', messageId: sent.id },
      });
    } finally {
      await bus.close();
    }
  });
});
