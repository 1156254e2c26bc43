import type { EventHandler, IntegrationEvent } from '@chatterroom/kernel';

/** Collects what handlers receive, so tests can wait for it and inspect it. */
export class EventRecorder {
  readonly received: { readonly by: string; readonly event: IntegrationEvent }[] = [];

  /** A handler that records each event under `by`, then fails when `fail` says so. */
  handler(by: string, fail: (event: IntegrationEvent, attempt: number) => boolean = () => false): EventHandler {
    return async (event) => {
      this.received.push({ by, event });
      if (fail(event, this.attempts(event.id))) throw new Error(`test handler ${by} refuses ${event.id}`);
    };
  }

  idsBy(by: string): string[] {
    return this.received.filter((entry) => entry.by === by).map((entry) => entry.event.id);
  }

  allIds(): string[] {
    return this.received.map((entry) => entry.event.id);
  }

  attempts(id: string): number {
    return this.received.filter((entry) => entry.event.id === id).length;
  }
}

/** Polls `check` until it stops throwing; rethrows its last failure after `timeoutMs`. */
export const eventually = async (check: () => void | Promise<void>, timeoutMs = 10_000, intervalMs = 20): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
};

const suffix = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e8).toString(36)}`;

/** A module name no other test uses: the broker is shared. */
export const uniqueModule = (): string => `test-${suffix()}`;

/** A group name no other test uses. */
export const uniqueGroup = (): string => `test-group-${suffix()}`;
