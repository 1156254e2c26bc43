import { DomainError, type ErrorKind } from '@chatterroom/kernel';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { HTTP_STATUS_BY_KIND } from './error-body';
import { toErrorBody } from './to-error-body';

const KIND_STATUS: Array<[ErrorKind, number, string]> = [
  ['invalid', 400, 'Bad Request'],
  ['unauthenticated', 401, 'Unauthorized'],
  ['forbidden', 403, 'Forbidden'],
  ['not-found', 404, 'Not Found'],
  ['conflict', 409, 'Conflict'],
  ['unavailable', 503, 'Service Unavailable'],
  ['gone', 410, 'Gone'],
  ['timeout', 504, 'Gateway Timeout'],
  ['internal', 500, 'Internal Server Error'],
];

describe('the error body', () => {
  it.each(KIND_STATUS)('maps kind %s to %i', (kind, status, reason) => {
    expect(HTTP_STATUS_BY_KIND[kind]).toBe(status);
    expect(toErrorBody(new DomainError('SOME_CODE', kind, 'said')).body).toEqual({
      statusCode: status,
      code: 'SOME_CODE',
      error: reason,
      message: 'said',
    });
  });

  it('hides unexpected errors behind INTERNAL_ERROR', () => {
    const { body, exposed } = toErrorBody(new TypeError('secret detail at /srv/app.js:12'));
    expect(exposed).toBe(false);
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', error: 'Internal Server Error', message: expect.any(String) });
    expect(body.message).not.toContain('secret');
  });
});

describe('errors over HTTP', () => {
  let kit: GatewayTestKit;
  let headers: Record<string, string>;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    headers = (await signUp(kit.users)).headers;
  });
  afterEach(() => kit.app.close());

  it.each(KIND_STATUS)('answers a DomainError of kind %s with %i and the error body', async (kind, status, reason) => {
    jest.spyOn(kit.chat, 'listRooms').mockRejectedValueOnce(new DomainError('SOME_CODE', kind, 'said'));
    const response = await kit.app.inject({ method: 'GET', url: '/rooms', headers });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ statusCode: status, code: 'SOME_CODE', error: reason, message: 'said' });
  });

  it('answers an unexpected error with 500 INTERNAL_ERROR and no stack or detail', async () => {
    jest.spyOn(kit.chat, 'listRooms').mockRejectedValueOnce(new Error('database password is hunter2'));
    const response = await kit.app.inject({ method: 'GET', url: '/rooms', headers });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      error: 'Internal Server Error',
      message: expect.any(String),
    });
    expect(response.body).not.toMatch(/hunter2|at .*\.ts/);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, with or without a token', async () => {
    for (const request of [{ headers }, {}]) {
      const response = await kit.app.inject({ method: 'GET', url: '/nowhere?x=1', ...request });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND', error: 'Not Found' });
    }
    const wrongMethod = await kit.app.inject({ method: 'DELETE', url: '/rooms', headers });
    expect(wrongMethod.json()).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('answers a malformed URL with 400 and the error body', async () => {
    const response = await kit.app.inject({ method: 'GET', url: '/users/%E0%A4%A', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ statusCode: 400, code: 'BAD_REQUEST', error: 'Bad Request', message: expect.any(String) });
  });

  it('answers a body over 64 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(64 * 1024) });
    const response = await kit.app.inject({ method: 'POST', url: '/rooms/create', headers: { ...headers, 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', error: 'Payload Too Large' });
  });

  it('accepts a body just under the limit', async () => {
    // unknown fields are refused, so the padding is JSON whitespace
    const payload = `{"name": "big room"${' '.repeat(60 * 1024)}}`;
    const response = await kit.app.inject({ method: 'POST', url: '/rooms/create', headers: { ...headers, 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(201);
  });

  it.each(['{"name":', 'not json', '{"__proto__":{"x":1}}'])('answers malformed JSON %j with 400 INVALID_JSON', async (payload) => {
    const response = await kit.app.inject({ method: 'POST', url: '/rooms/create', headers: { ...headers, 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'INVALID_JSON', error: 'Bad Request' });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('answers content type %s with 415', async (type) => {
    const response = await kit.app.inject({ method: 'POST', url: '/rooms/create', headers: { ...headers, 'content-type': type }, payload: 'name=x' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', error: 'Unsupported Media Type' });
  });

  it('answers a body without a content type with 415', async () => {
    const response = await kit.app.inject({ method: 'POST', url: '/rooms/create', headers, payload: Buffer.from('{"name":"x"}') });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it.each([
    [{ name: 42 }, 'name'],
    [{}, 'name'],
    [[1, 2], 'body'],
    ['a string', 'body'],
  ])('answers body %j with 400 VALIDATION_FAILED naming %s', async (body, field) => {
    const response = await kit.app.inject({
      method: 'POST',
      url: '/rooms/create',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', error: 'Bad Request' });
    expect(response.json().message).toContain(field);
  });
});
