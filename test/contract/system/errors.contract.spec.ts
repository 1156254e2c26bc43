import { anonymous, expectError, newUser, type HttpClient } from '@chatterroom/test/harness/system';

const BAD_IDS = ['abc', '0', '-1', '1.5', '99999999999'];

/** Every route with an id in its path, as [method, path with `:id`]. */
const ID_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/users/:id'],
  ['POST', '/chats/private/:id'],
  ['GET', '/chats/private/:id/history'],
  ['POST', '/chats/room/:id'],
  ['GET', '/chats/room/:id/history'],
  ['POST', '/rooms/:id/join'],
  ['POST', '/rooms/:id/leave'],
  ['GET', '/rooms/:id'],
];

/** Every route that needs a token. */
const PROTECTED_ROUTES: ReadonlyArray<readonly [string, string]> = [
  ...ID_ROUTES.map(([method, path]) => [method, path.replace(':id', '1')] as const),
  ['POST', '/rooms/create'],
  ['GET', '/rooms'],
];

const call = (client: HttpClient, method: string, path: string) =>
  client.send({ method, path, body: method === 'POST' ? { message: 'hi', name: 'room' } : undefined });

describe('errors', () => {
  it('GET /health answers 200', async () => {
    const response = await anonymous().get('/health');
    expect(response.status).toBe(200);
  });

  describe.each(ID_ROUTES)('%s %s', (method, path) => {
    it.each(BAD_IDS)('refuses the id %j with 400 VALIDATION_FAILED', async (id) => {
      const user = await newUser();
      expectError(await call(user.http, method, path.replace(':id', id)), 400, 'VALIDATION_FAILED');
    });
  });

  describe.each(PROTECTED_ROUTES)('%s %s', (method, path) => {
    it('answers 401 AUTH_MISSING_TOKEN without a token', async () => {
      expectError(await call(anonymous(), method, path), 401, 'AUTH_MISSING_TOKEN');
    });

    it('answers 401 AUTH_INVALID_TOKEN with a bad token', async () => {
      expectError(await call(anonymous().withToken('bad.token.value'), method, path), 401, 'AUTH_INVALID_TOKEN');
    });
  });

  it('answers a body over 64 KiB with 413 PAYLOAD_TOO_LARGE, on public and protected routes', async () => {
    const user = await newUser();
    const huge = JSON.stringify({ username: 'x', email: 'x@example.test', password: 'p'.repeat(70 * 1024) });
    expectError(await anonymous().send({ method: 'POST', path: '/users/create', rawBody: huge }), 413, 'PAYLOAD_TOO_LARGE');
    const message = JSON.stringify({ message: 'm'.repeat(70 * 1024) });
    expectError(await user.http.send({ method: 'POST', path: `/chats/private/${user.userId}`, rawBody: message }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('accepts a body just under 64 KiB as far as size goes', async () => {
    const user = await newUser();
    const body = JSON.stringify({ message: 'm'.repeat(60 * 1024) });
    expectError(await user.http.send({ method: 'POST', path: `/chats/private/${user.userId}`, rawBody: body }), 400, 'VALIDATION_FAILED');
  });

  it('answers malformed JSON with 400 INVALID_JSON, on public and protected routes', async () => {
    const user = await newUser();
    expectError(await anonymous().send({ method: 'POST', path: '/users/create', rawBody: '{"username": "x",' }), 400, 'INVALID_JSON');
    expectError(await user.http.send({ method: 'POST', path: '/rooms/create', rawBody: '{name: room}' }), 400, 'INVALID_JSON');
  });

  it('answers an unknown route with 404 and the error body', async () => {
    const user = await newUser();
    const response = await user.http.get('/no/such/route');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, code: expect.any(String), error: expect.any(String), message: expect.any(String) });
  });

  it('answers the same error the same way on every gateway', async () => {
    const first = await anonymous(0).post('/users/authenticate', { username: 'nobody-at-all', password: 'wrong-password' });
    const second = await anonymous(1).post('/users/authenticate', { username: 'nobody-at-all', password: 'wrong-password' });
    expectError(first, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(second.body).toEqual(first.body);
  });
});
