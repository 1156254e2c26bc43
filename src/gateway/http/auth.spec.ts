import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { bearerTokenOf } from './bearer-token';

const PROTECTED_ROUTES: Array<[string, string]> = [
  ['GET', '/users/1'],
  ['POST', '/chats/private/1'],
  ['GET', '/chats/private/1/history'],
  ['POST', '/rooms/create'],
  ['POST', '/rooms/1/join'],
  ['POST', '/rooms/1/leave'],
  ['POST', '/chats/room/1'],
  ['GET', '/chats/room/1/history'],
  ['GET', '/rooms'],
  ['GET', '/rooms/1'],
  ['GET', '/ws/chat'],
];

describe('authentication over HTTP', () => {
  let kit: GatewayTestKit;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
  });
  afterEach(() => kit.app.close());

  it.each(PROTECTED_ROUTES)('refuses %s %s without a token: 401 AUTH_MISSING_TOKEN', async (method, url) => {
    const response = await kit.app.inject({ method: method as 'GET', url });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ statusCode: 401, code: 'AUTH_MISSING_TOKEN', error: 'Unauthorized', message: expect.any(String) });
  });

  it.each(PROTECTED_ROUTES)('refuses %s %s with a bad token: 401 AUTH_INVALID_TOKEN', async (method, url) => {
    const response = await kit.app.inject({ method: method as 'GET', url, headers: { authorization: 'Bearer forged' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'AUTH_INVALID_TOKEN', error: 'Unauthorized' });
  });

  it('checks the token before reading the body', async () => {
    const response = await kit.app.inject({
      method: 'POST',
      url: '/rooms/create',
      headers: { 'content-type': 'application/json' },
      payload: '{broken',
    });
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'AUTH_MISSING_TOKEN' });
  });

  it('does not take a ?token= on HTTP routes', async () => {
    const { token } = await signUp(kit.users);
    const response = await kit.app.inject({ method: 'GET', url: `/rooms?token=${token}` });
    expect(response.json()).toMatchObject({ code: 'AUTH_MISSING_TOKEN' });
  });

  it('treats a non-Bearer Authorization header as a missing token', async () => {
    const response = await kit.app.inject({ method: 'GET', url: '/rooms', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.json()).toMatchObject({ code: 'AUTH_MISSING_TOKEN' });
  });

  it('accepts a valid token, the scheme in any case', async () => {
    const { token } = await signUp(kit.users);
    const response = await kit.app.inject({ method: 'GET', url: '/rooms', headers: { authorization: `bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });

  it.each([
    ['POST', '/users/create'],
    ['POST', '/users/authenticate'],
    ['GET', '/health'],
  ])('leaves %s %s public', async (method, url) => {
    const response = await kit.app.inject({ method: method as 'GET', url });
    expect(response.statusCode).not.toBe(401);
  });

  it('answers GET /health with {status: ok}', async () => {
    const response = await kit.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('bearerTokenOf', () => {
  it.each([
    ['Bearer abc.def', 'abc.def'],
    ['bearer   xyz ', 'xyz'],
    ['Bearer', undefined],
    ['Bearer ', undefined],
    ['Basic abc', undefined],
    ['Bearer a b', undefined],
  ])('reads %j as %j', (header, token) => {
    expect(bearerTokenOf(header)).toBe(token);
  });
});
