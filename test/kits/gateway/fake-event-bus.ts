import { matchesEventType, type EventBus, type EventHandler, type IntegrationEvent, type Subscription } from '@chatterroom/kernel';

/** A minimal in-process bus for gateway tests: every subscriber gets every matching event, later. */
export class FakeEventBus implements EventBus {
  readonly subscriptions: Array<{ subscription: Subscription; handler: EventHandler }> = [];
  /** Set to delay `subscribe` until the test resolves it. */
  subscribeGate: Promise<void> = Promise.resolve();

  async publish(event: IntegrationEvent): Promise<void> {
    const targets = this.subscriptions.filter(({ subscription }) =>
      subscription.types.some((pattern) => matchesEventType(pattern, event.type)),
    );
    setImmediate(() => {
      for (const { handler } of targets) void handler(event).catch(() => undefined);
    });
  }

  async subscribe(subscription: Subscription, handler: EventHandler): Promise<void> {
    await this.subscribeGate;
    this.subscriptions.push({ subscription, handler });
  }

  async close(): Promise<void> {
    this.subscriptions.length = 0;
  }
}
