import { eventually } from '../../../test/contract/ports/event-bus/event-recorder';
import { closeConnectionsNamed, connectionPidsNamed } from './testing/rabbitmq-control';
import { expectWorkingAgain, setUpResilienceSubject as setUp } from './testing/resilience-subject';

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

});
