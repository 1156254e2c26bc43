import { createEvent } from '@chatterroom/kernel';
import { eventually } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { AmqpConnectionError } from './amqp-url';
import { startOwnRabbitMqNode, type OwnRabbitMqNode } from '@chatterroom/test/kits/amqp/own-rabbitmq-node';
import { expectWorkingAgain, setUpResilienceSubject as setUp } from '@chatterroom/test/kits/amqp/resilience-subject';

/**
 * Stops and starts a RabbitMQ node of its own (never the machine's broker, which the other
 * tests use). It still runs in the `disruptive` project, alone, since it needs the CPU.
 */
describe('RabbitMqEventBus across a broker restart', () => {
  let broker: OwnRabbitMqNode;
  beforeAll(async () => {
    broker = await startOwnRabbitMqNode();
  }, 240_000);
  afterAll(async () => {
    await broker?.close();
  });

  it('survives a broker restart', async () => {
    const subject = await setUp(broker.url);
    try {
      await broker.stopApp();
      try {
        const whileDown = subject.subscriber.publish(createEvent(subject.type, { lost: true }));
        await expect(whileDown).rejects.toBeInstanceOf(AmqpConnectionError);
      } finally {
        await broker.startApp();
      }
      await eventually(() => expect(subject.logger.messages).toContain('RabbitMQ reconnected'), 30_000);
      await expectWorkingAgain(subject);
    } finally {
      await subject.close();
    }
  });
});
