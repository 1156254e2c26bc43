import { codeOfUncodedError } from '../graphql-errors';

/** What to do with one message mercurius is about to send on a graphql-transport-ws socket. */
export type Outgoing =
  | { readonly action: 'send'; readonly text: string; readonly acknowledges: boolean }
  | { readonly action: 'close'; readonly code: number; readonly reason: string };

/** graphql-transport-ws close codes. */
export const CloseCodes = {
  unauthorized: 4401,
  forbidden: 4403,
  initTimeout: 4408,
} as const;

interface ProtocolMessage {
  readonly type?: unknown;
  readonly payload?: unknown;
}

type ErrorEntry = { readonly message?: unknown; readonly extensions?: Record<string, unknown> };

const withCode = (entry: ErrorEntry): ErrorEntry =>
  typeof entry.extensions?.code === 'string'
    ? entry
    : { ...entry, extensions: { ...entry.extensions, code: codeOfUncodedError(String(entry.message ?? '')) } };

/**
 * Adapts mercurius's outgoing messages to graphql-transport-ws: `connection_error` is not
 * part of that protocol, so a refused connection_init closes the socket with 4403
 * (4401 for a subscribe sent before connection_ack); errors mercurius reports itself
 * (syntax errors...) get `extensions.code` like every other error.
 */
export const adaptOutgoing = (text: string): Outgoing => {
  const send = (body: string, acknowledges = false): Outgoing => ({ action: 'send', text: body, acknowledges });
  if (!text.startsWith('{"type":"connection_') && !text.startsWith('{"type":"error"')) return send(text);
  let message: ProtocolMessage;
  try {
    message = JSON.parse(text) as ProtocolMessage;
  } catch {
    return send(text);
  }
  if (message.type === 'connection_ack') return send(text, true);
  if (message.type === 'connection_error') {
    const forbidden = (message.payload as { message?: unknown } | undefined)?.message === 'Forbidden';
    return forbidden
      ? { action: 'close', code: CloseCodes.forbidden, reason: 'Forbidden' }
      : { action: 'close', code: CloseCodes.unauthorized, reason: 'Unauthorized' };
  }
  if (message.type === 'error' && Array.isArray(message.payload)) {
    return send(JSON.stringify({ ...message, payload: (message.payload as ErrorEntry[]).map(withCode) }));
  }
  return send(text);
};
