import type { ChatMessage } from '../contracts';
import type { AppendRequest, AppendResult, ConversationKey, NewMessage } from '../ports';

/** The key a send is idempotent on: `<senderId>:<clientMessageId>`, or undefined without a clientMessageId. */
export const idempotencyKeyOf = (message: NewMessage): string | undefined =>
  message.clientMessageId === undefined ? undefined : `${message.senderId}:${message.clientMessageId}`;

/** How one request of a batch is answered. */
export type BatchSlot =
  /** By a message stored before the batch (same sender and clientMessageId). */
  | { readonly earlier: ChatMessage }
  /** By the `fresh`-th new message of the batch. */
  | { readonly fresh: number }
  /** As the request at index `twinOf` of the same batch (same sender and clientMessageId). */
  | { readonly twinOf: number };

export interface AppendBatchPlan {
  readonly conversation: ConversationKey;
  readonly slots: readonly BatchSlot[];
  /** The requests that create a message, in order: the k-th takes the k-th seq of the batch. */
  readonly fresh: readonly AppendRequest[];
}

/** The one conversation of a batch; throws when the requests name several or none. */
export const conversationOfBatch = (requests: readonly AppendRequest[]): ConversationKey => {
  const [first, ...rest] = requests;
  if (first === undefined) throw new Error('appendBatch needs at least one request');
  const { conversation } = first.message;
  if (rest.some((request) => request.message.conversation !== conversation)) throw new Error('appendBatch takes the messages of one conversation');
  return conversation;
};

/**
 * Which requests of a batch create a message: not those whose idempotency key names a message
 * in `earlier` (found by the store) or a request before them in the batch.
 */
export const planAppendBatch = (requests: readonly AppendRequest[], earlier: ReadonlyMap<string, ChatMessage>): AppendBatchPlan => {
  const conversation = conversationOfBatch(requests);
  const firstWithKey = new Map<string, number>();
  const fresh: AppendRequest[] = [];
  const slots = requests.map((request, index): BatchSlot => {
    const key = idempotencyKeyOf(request.message);
    const found = key === undefined ? undefined : earlier.get(key);
    if (found !== undefined) return { earlier: found };
    const twin = key === undefined ? undefined : firstWithKey.get(key);
    if (twin !== undefined) return { twinOf: twin };
    if (key !== undefined) firstWithKey.set(key, index);
    fresh.push(request);
    return { fresh: fresh.length - 1 };
  });
  return { conversation, slots, fresh };
};

/** Each request's result, given the new messages as stored (the plan's `fresh`, in order). */
export const answerAppendBatch = (plan: AppendBatchPlan, stored: readonly ChatMessage[]): AppendResult[] => {
  const results: AppendResult[] = [];
  for (const slot of plan.slots) {
    if ('earlier' in slot) results.push({ message: slot.earlier, created: false });
    else if ('twinOf' in slot) results.push({ message: (results[slot.twinOf] as AppendResult).message, created: false });
    else results.push({ message: stored[slot.fresh] as ChatMessage, created: true });
  }
  return results;
};
