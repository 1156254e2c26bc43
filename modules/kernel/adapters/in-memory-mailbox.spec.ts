import type { IntegrationEvent } from '../integration-event';
import { Mailbox, type Letter } from './in-memory-mailbox';

const letter = (id: string): Letter => ({ json: JSON.stringify({ id, type: 'spec.happened.v1', occurredAt: '', payload: {} }), id, type: 'spec.happened.v1', attempt: 1 });

describe('Mailbox', () => {
  it('handles the letters of one drain with no process.nextTick callback running between them', async () => {
    const seen: string[] = [];
    let ticksScheduled = 0;
    const mailbox = new Mailbox({ types: ['spec.*'], delivery: { mode: 'broadcast' } }, async (event: IntegrationEvent) => {
      seen.push(event.id);
      if (seen.length === 1) {
        ticksScheduled += 1;
        process.nextTick(() => seen.push('tick'));
      }
    }, () => undefined);
    for (const id of ['a', 'b', 'c']) mailbox.post(letter(id));
    expect(seen).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ticksScheduled).toBe(1);
    expect(seen).toEqual(['a', 'b', 'c', 'tick']);
  });

  it('keeps order and handles letters posted while it drains in the same drain', async () => {
    const seen: string[] = [];
    const mailbox: Mailbox = new Mailbox({ types: ['spec.*'], delivery: { mode: 'broadcast' } }, async (event: IntegrationEvent) => {
      seen.push(event.id);
      if (event.id === 'a') mailbox.post(letter('d'));
    }, () => undefined);
    for (const id of ['a', 'b', 'c']) mailbox.post(letter(id));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });
});
