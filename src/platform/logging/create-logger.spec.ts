import { Writable } from 'node:stream';
import { createLogger } from './create-logger';
import { loggableUrl, scrubText } from './log-redaction';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { logger: createLogger('trace', 'test', stream), text: () => lines.join('\n'), lines };
};

describe('the process logger', () => {
  it('never writes authorization headers, passwords, tokens, tickets or secrets given as fields', () => {
    const { logger, text } = capture();
    logger.info({ req: { headers: { authorization: `Bearer ${JWT}`, cookie: 'sid=cookie-secret' } } }, 'headers');
    logger.info({ password: 'hunter2-password', token: JWT, refreshToken: 'refresh-opaque-1', ticket: 'ticket-opaque-1' }, 'top level');
    logger.info({ body: { password: 'nested-password', refreshToken: 'nested-refresh' }, auth: { jwtSecret: 'jwt-secret-value' } }, 'nested');
    logger.info({ payload: { connectionParams: { token: JWT } } }, 'connection init');
    expect(text()).not.toMatch(/hunter2|cookie-secret|refresh-opaque|ticket-opaque|nested-password|nested-refresh|jwt-secret-value|eyJ/);
    expect(text()).toContain('[redacted]');
  });

  it('logs a request without its headers and with its query values redacted, except limit and before', () => {
    const { logger, lines } = capture();
    const request = { method: 'GET', url: `/ws/chat?token=${JWT}&limit=5&before=m1&ticket=t-1`, ip: '127.0.0.1', headers: { authorization: `Bearer ${JWT}` } };
    logger.info({ req: request }, 'incoming request');
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record.req).toEqual({ method: 'GET', url: '/ws/chat?token=[redacted]&limit=5&before=m1&ticket=[redacted]', remoteAddress: '127.0.0.1' });
  });

  it('scrubs URL passwords, bearer tokens and JWTs from errors and messages', () => {
    const { logger, text } = capture();
    const error = Object.assign(new Error('connect ECONNREFUSED amqp://app:amqp-password@rabbit:5672'), { url: 'mongodb://u:mongo-password@db/x' });
    logger.error({ err: error }, 'failed');
    logger.warn(`retrying redis://:redis-password@cache:6379 with Bearer ${JWT}`);
    logger.warn({ detail: `token ${JWT}` }, 'string field');
    expect(text()).not.toMatch(/amqp-password|mongo-password|redis-password|eyJ/);
    expect(text()).toContain('amqp://app:[redacted]@rabbit:5672');
  });
});

describe('scrubText and loggableUrl', () => {
  it.each([
    ['amqp://guest:guest@127.0.0.1:5672', 'amqp://guest:[redacted]@127.0.0.1:5672'],
    ['mongodb://127.0.0.1:27017/db', 'mongodb://127.0.0.1:27017/db'],
    ['Authorization: bearer abc.def', 'Authorization: bearer [redacted]'],
    ['/graphql?query=x&password=p1', '/graphql?query=x&password=[redacted]'],
  ])('scrubs %j', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it('keeps a path and redacts every other query value', () => {
    expect(loggableUrl('/rooms')).toBe('/rooms');
    expect(loggableUrl('/graphql?query={authenticate(password:"x")}')).toBe('/graphql?query=[redacted]');
    expect(loggableUrl('/chats/room/1/history?limit=2&after=x')).toBe('/chats/room/1/history?limit=2&after=[redacted]');
  });
});
