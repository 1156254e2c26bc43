/**
 * Where this client is in its feed of chat events: the `cursor` of `ready` and of every event
 * pushed since. A socket reopened with `?since=<cursor>` is replayed every event after it, so
 * nothing is missed and nothing comes twice. A cursor the server refuses twice at the upgrade
 * (no longer valid: the upgrade answers 400 before any frame) is dropped: the client then starts
 * afresh and reloads what it shows.
 */
export class FeedCursor {
  private cursor: string | undefined;
  private refusals = 0;

  /** The cursor to reopen from, if any. */
  get since(): string | undefined {
    return this.cursor;
  }

  /** A frame carried a cursor: the newest place reached. */
  advance(cursor: string | undefined): void {
    if (cursor !== undefined) this.cursor = cursor;
  }

  /** A socket opened with `since` reached `ready`. */
  accepted(): void {
    this.refusals = 0;
  }

  /** A socket opened with `since` closed before `ready`; true when the cursor was dropped for it. */
  refused(): boolean {
    if (this.cursor === undefined) return false;
    this.refusals += 1;
    if (this.refusals < 2) return false;
    this.forget();
    return true;
  }

  forget(): void {
    this.cursor = undefined;
    this.refusals = 0;
  }
}
