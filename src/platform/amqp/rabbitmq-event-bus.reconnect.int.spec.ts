import { eventually } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { closeConnectionsNamed, connectionPidsNamed } from '@chatterroom/test/kits/amqp/rabbitmq-control';
import { expectWorkingAgain, setUpResilienceSubject as setUp } from '@chatterroom/test/kits/amqp/resilience-subject';

describe('RabbitMqEventBus resilience', () => {
  jest.setTimeout(90_000);

  it('reconnects and restores its subscriptions when the broker closes its connection, telling each it resumed', async () => {
    const subject = await setUp();
    try {
      expect(subject.resumed).toEqual([]);
      const closed = await closeConnectionsNamed(subject.connectionName);
      expect(closed).toHaveLength(1);

      await eventually(() => expect(subject.logger.messages).toContain('RabbitMQ reconnected'), 20_000);
      const newPids = await connectionPidsNamed(subject.connectionName);
      expect(newPids).toHaveLength(1);
      expect(newPids).not.toContain(closed[0]);
      await expectWorkingAgain(subject);
      expect(subject.resumed).toEqual(['broadcast']);
    } finally {
      await subject.close();
    }
  });
});
