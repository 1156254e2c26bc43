/** The URL with its password removed, safe for logs and error messages. */
export const redactAmqpUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '<invalid AMQP URL>';
  }
};

const describeCause = (cause: unknown): string => {
  if (cause instanceof AggregateError && cause.errors.length > 0) return describeCause(cause.errors[0]);
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return cause.message || (typeof code === 'string' ? code : cause.name);
  }
  return String(cause);
};

/** Why the first connection to RabbitMQ failed, naming the URL without its password. */
export const connectionFailedMessage = (url: string, cause: unknown): string =>
  `Cannot connect to RabbitMQ at ${redactAmqpUrl(url)} (${describeCause(cause)}). ` +
  'Check that the broker is running and that AMQP_URL points at it.';

/** The broker could not be reached (first connection) or not again in time (publish). */
export class AmqpConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AmqpConnectionError';
  }
}
