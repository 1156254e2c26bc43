import pino from 'pino';

/** What a secret is replaced with in a log line. */
export const REDACTED = '[redacted]';

/** Query parameters whose values are safe to log; every other value is redacted. */
const LOGGABLE_QUERY_PARAMETERS = new Set(['limit', 'before']);

const CREDENTIALS_IN_URL = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^@/?#\s]*@/gi;
const BEARER = /\b(Bearer\s+)[^\s,;"']+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SECRET_QUERY_VALUE = /([?&](?:token|ticket|access_token|refresh_token|refreshToken|password|secret|key)=)[^&\s#"']*/gi;

/** A text with URL passwords, bearer tokens, JWTs and secret query values replaced. */
export const scrubText = (text: string): string =>
  text
    .replace(CREDENTIALS_IN_URL, `$1${REDACTED}@`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_QUERY_VALUE, `$1${REDACTED}`);

/** A request URL for the log: its path, and its query with only known-harmless values. */
export const loggableUrl = (url: string): string => {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const query = url.slice(queryAt + 1);
  const parts = query.split('&').map((part) => {
    const [name = ''] = part.split('=', 1);
    return LOGGABLE_QUERY_PARAMETERS.has(name) || !part.includes('=') ? part : `${name}=${REDACTED}`;
  });
  return `${url.slice(0, queryAt)}?${parts.join('&')}`;
};

interface RequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly ip?: string;
  readonly host?: string;
  readonly socket?: { readonly remoteAddress?: string; readonly remotePort?: number };
}

const scrubDeep = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, depth + 1)]));
};

/**
 * Serializers of every process logger (fastify's request logs use them too): a request is
 * logged without headers and with its query values redacted; an error with URL passwords,
 * bearer tokens and JWTs scrubbed from its message, stack and properties.
 */
export const safeSerializers = {
  req: (request: RequestLike) => ({
    method: request.method,
    url: loggableUrl(request.url ?? ''),
    host: request.host,
    remoteAddress: request.ip ?? request.socket?.remoteAddress,
    remotePort: request.socket?.remotePort,
  }),
  err: (error: Error) => scrubDeep(pino.stdSerializers.err(error)),
};

/** Fields that are never logged, wherever a log call puts them (pino's redaction). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'password',
  'token',
  'refreshToken',
  'ticket',
  'secret',
  'connectionParams',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.ticket',
  '*.secret',
  '*.jwtSecret',
  '*.authorization',
  '*.connectionParams',
];

/** The last line of defence: top-level strings of every log record are scrubbed too. */
export const scrubRecord = (record: Record<string, unknown>): Record<string, unknown> => {
  let changed: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue;
    const scrubbed = scrubText(value);
    if (scrubbed !== value) (changed ??= { ...record })[key] = scrubbed;
  }
  return changed ?? record;
};
