import type { LoggedChatEvent } from '../../ports';

/**
 * What one process knows of the log's tail without reading it: the events it moved in one
 * unbroken run of positions, and the position through which every event is published. When
 * the run starts right after that position, the next events to publish are the run's first
 * ones; otherwise (another relay moved some, a publish failed, a clash) it knows nothing and
 * the log is read. Positions become visible in order, so a batch read as "the oldest
 * unpublished" has every lower position published.
 */
export class MovedEvents {
  private run: LoggedChatEvent[] = [];
  private publishedThrough: number | undefined;
  private lastHandedOut: { readonly ids: ReadonlySet<string>; readonly through: number } | undefined;

  /** Events this process inserted, in position order, consecutive. */
  inserted(events: readonly LoggedChatEvent[]): void {
    const [first] = events;
    if (first === undefined) return;
    const tail = this.run[this.run.length - 1];
    if (tail !== undefined && tail.position + 1 !== first.position) this.run = [];
    this.run.push(...events);
  }

  /** The next `limit` events to publish, when known; undefined when the log must be read. */
  next(limit: number): LoggedChatEvent[] | undefined {
    const [first] = this.run;
    if (first === undefined || this.publishedThrough === undefined || first.position !== this.publishedThrough + 1) return undefined;
    return this.run.slice(0, limit);
  }

  /** The position through which every event is published, when this process moved nothing since; else undefined. */
  idleThrough(): number | undefined {
    return this.run.length === 0 ? this.publishedThrough : undefined;
  }

  /** The batch given to the publisher: the oldest unpublished events, in position order. */
  handedOut(batch: readonly LoggedChatEvent[]): void {
    const [first] = batch;
    const consecutive = batch.every((event, index) => event.position === (first as LoggedChatEvent).position + index);
    const last = batch[batch.length - 1];
    this.lastHandedOut = last === undefined || !consecutive ? undefined : { ids: new Set(batch.map((event) => event.id)), through: last.position };
  }

  /** Events marked published: when they include the batch handed out, everything through its last is published. */
  published(ids: readonly string[]): void {
    const marked = new Set(ids);
    this.run = this.run.filter((event) => !marked.has(event.id));
    const handed = this.lastHandedOut;
    if (handed === undefined || ![...handed.ids].every((id) => marked.has(id))) return;
    this.publishedThrough = Math.max(this.publishedThrough ?? 0, handed.through);
    this.lastHandedOut = undefined;
    const through = handed.through;
    this.run = this.run.filter((event) => event.position > through);
  }

  /** After a clash with another relay: nothing is known until the log is read again. */
  forget(): void {
    this.run = [];
    this.publishedThrough = undefined;
    this.lastHandedOut = undefined;
  }
}
