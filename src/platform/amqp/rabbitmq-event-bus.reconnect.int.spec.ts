import { createEvent, silentLogger, type Logger } from '../../../modules/kernel';
import { EventRecorder, eventually, uniqueGroup, uniqueModule } from '../../../test/contract/ports/event-bus/event-recorder';
import { serviceUrls } from '../../../test/harness/services/service-urls';
import { AmqpConnectionError } from './amqp-url';
import { RabbitMqEventBus } from './rabbitmq-event-bus';
import { closeConnectionsNamed, connectionPidsNamed, startBrokerApp, stopBrokerApp } from './testing/rabbitmq-control';

/** Restarting the broker disturbs every other test using it, so that case runs only on request. */
const RESTART_BROKER = process.env.TEST_AMQP_RESTART === '1';

const recordingLogger = (): Logger & { messages: string[] } => {
  const messages: string[] = [];
  const record = (_obj: object, msg?: string) => void messages.push(msg ?? '');
  return { ...silentLogger, info: record, warn: record, error: record, messages };
};

const setUp = async () => {
  const logger = recordingLogger();
  const connectionName = `resilience-test-${uniqueModule()}`;
  const common = { amqpUrl: serviceUrls.amqp, exchange: 'chatterroom.test-events', groupQueueExpiresMs: 60_000 };
  const subscriber = new RabbitMqEventBus({ ...common, logger, connectionName, operationTimeoutMs: 2_000 });
  const publisher = new RabbitMqEventBus({ ...common, logger: silentLogger });
  const recorder = new EventRecorder();
  const type = `${uniqueModule()}.survived.v1`;
  await subscriber.subscribe({ types: [type], delivery: { mode: 'broadcast' } }, recorder.handler('broadcast'));
  await subscriber.subscribe({ types: [type], delivery: { mode: 'group', group: uniqueGroup() } }, recorder.handler('group'));
  await publisher.connect();
  const before = createEvent(type, { n: 1 });
  await publisher.publish(before);
  await eventually(() => expect(recorder.allIds()).toEqual([before.id, before.id]));
  const close = () => Promise.all([subscriber.close(), publisher.close()]);
  return { logger, connectionName, subscriber, publisher, recorder, type, before, close };
};

/** After a reconnection both subscriptions receive again, and the reconnected bus publishes again. */
const expectWorkingAgain = async ({ subscriber, publisher, recorder, type, before }: Awaited<ReturnType<typeof setUp>>) => {
  const fromPublisher = createEvent(type, { n: 2 });
  await publisher.publish(fromPublisher);
  const fromSubscriber = createEvent(type, { n: 3 });
  await subscriber.publish(fromSubscriber);
  await eventually(() => {
    expect(recorder.idsBy('broadcast')).toEqual([before.id, fromPublisher.id, fromSubscriber.id]);
    expect(recorder.idsBy('group')).toEqual([before.id, fromPublisher.id, fromSubscriber.id]);
  }, 20_000);
};

describe('RabbitMqEventBus resilience', () => {
  jest.setTimeout(90_000);

  it('reconnects and restores its subscriptions when the broker closes its connection', async () => {
    const subject = await setUp();
    try {
      const closed = await closeConnectionsNamed(subject.connectionName);
      expect(closed).toHaveLength(1);

      await eventually(() => expect(subject.logger.messages).toContain('RabbitMQ reconnected'), 20_000);
      const newPids = await connectionPidsNamed(subject.connectionName);
      expect(newPids).toHaveLength(1);
      expect(newPids).not.toContain(closed[0]);
      await expectWorkingAgain(subject);
    } finally {
      await subject.close();
    }
  });

  (RESTART_BROKER ? it : it.skip)('survives a broker restart (TEST_AMQP_RESTART=1)', async () => {
    const subject = await setUp();
    try {
      await stopBrokerApp();
      try {
        const whileDown = subject.subscriber.publish(createEvent(subject.type, { lost: true }));
        await expect(whileDown).rejects.toBeInstanceOf(AmqpConnectionError);
      } finally {
        await startBrokerApp(serviceUrls.amqp);
      }
      await eventually(() => expect(subject.logger.messages).toContain('RabbitMQ reconnected'), 30_000);
      await expectWorkingAgain(subject);
    } finally {
      await subject.close();
    }
  });
});
