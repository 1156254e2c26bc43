import { deadlineExceeded, DomainError } from '@chatterroom/kernel';
import type { AppendRequest, AppendResult, ConversationKey, MessageStore } from '../ports';

/** One append waiting for its conversation's next group commit. */
export interface QueuedAppend extends AppendRequest {
  /**
   * When the caller stops waiting (epoch ms, the gRPC deadline). An entry whose deadline has
   * passed when its batch is taken is not stored (takes no seq) and fails with DEADLINE_EXCEEDED.
   */
  readonly deadline?: number;
  /**
   * Aborted when the caller no longer waits. An entry aborted before its batch is taken is not
   * stored: it fails with the signal's `reason` when that is a DomainError, else DEADLINE_EXCEEDED.
   */
  readonly signal?: AbortSignal;
}

export interface MessageAppendBatcherDeps {
  readonly messageStore: MessageStore;
  /**
   * Runs once per stored batch, before any of its callers is answered (a failure fails them
   * all, although the batch is stored): `results` are the batch's, in order.
   */
  readonly afterCommit?: (conversation: ConversationKey, results: readonly AppendResult[]) => Promise<void>;
  /** The most appends one commit takes (default 256). */
  readonly maxBatch?: number;
}

interface Waiting {
  readonly entry: QueuedAppend;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

const DEFAULT_MAX_BATCH = 256;

/**
 * Group commit of one conversation's appends: while a commit of a conversation is in flight,
 * appends to it queue; the next commit takes everything queued (up to `maxBatch`) and stores it
 * with one {@link MessageStore.appendBatch}: one seq allocation and one batched insert for all.
 * An idle conversation's first append is committed at once, so a lone send waits for nothing.
 * Seqs follow the order of the calls; each caller gets its own result (idempotent repeats
 * included) or the error of its batch. Conversations commit independently of each other.
 */
export class MessageAppendBatcher {
  private readonly queues = new Map<ConversationKey, Waiting[]>();
  /** Each conversation's `afterCommit` still running, if any (it never rejects). */
  private readonly finishing = new Map<ConversationKey, Promise<void>>();
  private readonly maxBatch: number;

  constructor(private readonly deps: MessageAppendBatcherDeps) {
    this.maxBatch = deps.maxBatch ?? DEFAULT_MAX_BATCH;
  }

  /** Stores the message in its conversation's next commit; see {@link MessageStore.append}. */
  append(entry: QueuedAppend): Promise<AppendResult> {
    const { conversation } = entry.message;
    return new Promise<AppendResult>((resolve, reject) => {
      const queue = this.queues.get(conversation);
      if (queue !== undefined) {
        queue.push({ entry, resolve, reject });
        return;
      }
      this.queues.set(conversation, [{ entry, resolve, reject }]);
      void this.commitWhileQueued(conversation);
    });
  }

  /**
   * Commits batch after batch until nothing of the conversation is queued. A batch's
   * `afterCommit` runs while the next batch is stored (both wait for storage, neither for the
   * other), and at most one runs at a time per conversation: the next batch's starts once it
   * has finished, also across runs of this loop.
   */
  private async commitWhileQueued(conversation: ConversationKey): Promise<void> {
    const queue = this.queues.get(conversation) as Waiting[];
    let finishing = this.finishing.get(conversation) ?? Promise.resolve();
    while (queue.length > 0) {
      const live = queue.splice(0, this.maxBatch).filter(stillWaited);
      if (live.length === 0) continue;
      const results = await this.store(live);
      await finishing;
      if (results !== undefined) finishing = this.finish(conversation, live, results);
    }
    this.queues.delete(conversation);
    const last = finishing;
    this.finishing.set(conversation, last);
    void last.then(() => {
      if (this.finishing.get(conversation) === last) this.finishing.delete(conversation);
    });
  }

  /** The batch's results, or undefined when its commit failed (every caller of it failed). */
  private async store(batch: readonly Waiting[]): Promise<AppendResult[] | undefined> {
    try {
      return await this.deps.messageStore.appendBatch(batch.map(({ entry }) => requestOf(entry)));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return undefined;
    }
  }

  /** Runs `afterCommit` for a stored batch, then answers its callers (or fails them all). */
  private async finish(conversation: ConversationKey, batch: readonly Waiting[], results: readonly AppendResult[]): Promise<void> {
    try {
      await this.deps.afterCommit?.(conversation, results);
      batch.forEach((waiting, index) => waiting.resolve(results[index] as AppendResult));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}

/** False (and the entry failed, unstored) when its caller stopped waiting. */
const stillWaited = (waiting: Waiting): boolean => {
  const { signal, deadline } = waiting.entry;
  if (signal?.aborted === true) {
    waiting.reject(signal.reason instanceof DomainError ? signal.reason : notStoredInTime());
    return false;
  }
  if (deadline === undefined || deadline > Date.now()) return true;
  waiting.reject(notStoredInTime());
  return false;
};

const notStoredInTime = (): DomainError => deadlineExceeded('The send');

const requestOf = ({ message, announcement }: QueuedAppend): AppendRequest => (announcement === undefined ? { message } : { message, announcement });
