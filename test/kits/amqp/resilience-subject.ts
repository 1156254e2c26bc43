import { silentLogger, type Logger } from '@chatterroom/kernel';
import { EventRecorder, eventually, uniqueGroup, uniqueModule } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { RabbitMqEventBus } from '@chatterroom/platform/amqp/rabbitmq-event-bus';
import { createEvent } from '@chatterroom/kernel';

/** Two buses (a publisher and a subscriber) on the real broker, for the reconnection tests. */
export const recordingLogger = (): Logger & { messages: string[] } => {
  const messages: string[] = [];
  const record = (_obj: object, msg?: string) => void messages.push(msg ?? '');
  return { ...silentLogger, info: record, warn: record, error: record, messages };
};

/** `amqpUrl`: the broker to use; the machine's by default. */
export const setUpResilienceSubject = async (amqpUrl = serviceUrls.amqp) => {
  const logger = recordingLogger();
  const connectionName = `resilience-test-${uniqueModule()}`;
  const common = { amqpUrl, exchange: 'chatterroom.test-events', groupQueueExpiresMs: 60_000 };
  const subscriber = new RabbitMqEventBus({ ...common, logger, connectionName, operationTimeoutMs: 2_000 });
  const publisher = new RabbitMqEventBus({ ...common, logger: silentLogger });
  const recorder = new EventRecorder();
  const type = `${uniqueModule()}.survived.v1`;
  const resumed: string[] = [];
  await subscriber.subscribe({ types: [type], delivery: { mode: 'broadcast' }, onResumed: () => resumed.push('broadcast') }, recorder.handler('broadcast'));
  await subscriber.subscribe({ types: [type], delivery: { mode: 'group', group: uniqueGroup() } }, recorder.handler('group'));
  await publisher.connect();
  const before = createEvent(type, { n: 1 });
  await publisher.publish(before);
  await eventually(() => expect(recorder.allIds()).toEqual([before.id, before.id]));
  const close = () => Promise.all([subscriber.close(), publisher.close()]);
  return { logger, connectionName, subscriber, publisher, recorder, type, before, close, resumed };
};

/** After a reconnection both subscriptions receive again, and the reconnected bus publishes again. */
export const expectWorkingAgain = async ({ subscriber, publisher, recorder, type, before }: Awaited<ReturnType<typeof setUpResilienceSubject>>) => {
  const fromPublisher = createEvent(type, { n: 2 });
  await publisher.publish(fromPublisher);
  const fromSubscriber = createEvent(type, { n: 3 });
  await subscriber.publish(fromSubscriber);
  await eventually(() => {
    expect(recorder.idsBy('broadcast')).toEqual([before.id, fromPublisher.id, fromSubscriber.id]);
    expect(recorder.idsBy('group')).toEqual([before.id, fromPublisher.id, fromSubscriber.id]);
  }, 20_000);
};

