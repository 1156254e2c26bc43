import { createEvent } from '../../../modules/kernel';
import { eventually } from '../../../test/contract/ports/event-bus/event-recorder';
import { serviceUrls } from '../../../test/harness/services/service-urls';
import { AmqpConnectionError } from './amqp-url';
import { startBrokerApp, stopBrokerApp } from './testing/rabbitmq-control';
import { expectWorkingAgain, setUpResilienceSubject as setUp } from './testing/resilience-subject';

/**
 * Stops and starts the shared broker, so it runs alone (the `disruptive` jest project,
 * after everything else): other tests would see their connections drop.
 */
describe('RabbitMqEventBus across a broker restart', () => {
  it('survives a broker restart', async () => {
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
