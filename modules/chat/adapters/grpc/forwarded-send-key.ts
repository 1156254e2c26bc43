import { randomUUID } from 'node:crypto';

/** What begins the idempotency keys the gateway makes for sends that came without one. */
export const GENERATED_SEND_KEY_PREFIX = 'gateway:';

/**
 * The idempotency key a forwarded send carries: the client's `clientMessageId`, else a new
 * one for this request (`gateway:<uuid>`, 44 characters), so the gateway's own retries and,
 * after CHAT_SEND_OUTCOME_UNKNOWN, the client's retry with it never store the message twice.
 */
export const forwardedSendKey = (clientMessageId: string | undefined): string => clientMessageId ?? `${GENERATED_SEND_KEY_PREFIX}${randomUUID()}`;

/** True for a key the gateway made: it is not shown back as the client's `clientMessageId`. */
export const isGeneratedSendKey = (key: string | undefined): boolean => key?.startsWith(GENERATED_SEND_KEY_PREFIX) === true;
