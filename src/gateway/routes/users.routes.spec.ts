import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('users routes', () => {
  let kit: GatewayTestKit;
  let seq = 0;
  const unique = (prefix: string) => `${prefix}${++seq}_${Math.floor(Math.random() * 1e6)}`;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
  });
  afterEach(() => kit.app.close());

  const create = (payload: unknown) => kit.app.inject({ method: 'POST', url: '/users/create', payload: payload as object });

  it('POST /users/create answers 201 {userId, username, email}', async () => {
    const username = unique('alice');
    const response = await create({ username, email: `${username}@Example.test`, password: 'long enough' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ userId: expect.any(Number), username, email: `${username}@example.test` });
  });

  it('POST /users/create answers 409 for a taken username and a taken email', async () => {
    const username = unique('bob');
    await create({ username, email: `${username}@example.test`, password: 'long enough' });
    const sameName = await create({ username, email: `${unique('x')}@example.test`, password: 'long enough' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({ statusCode: 409, code: 'USERS_USERNAME_TAKEN', error: 'Conflict' });
    const sameEmail = await create({ username: unique('carol'), email: `${username}@example.test`, password: 'long enough' });
    expect(sameEmail.json()).toMatchObject({ statusCode: 409, code: 'USERS_EMAIL_TAKEN' });
  });

  it.each(['username', 'email', 'password'])('POST /users/create answers 400 naming %s when it is not a string', async (field) => {
    const body: Record<string, unknown> = { username: unique('dan'), email: `${unique('d')}@example.test`, password: 'long enough' };
    body[field] = 12345678;
    const response = await create(body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.json().message).toContain(field);
  });

  it('POST /users/authenticate answers 200 {token, refreshToken, expiresIn, sessionId}, and 401 for a wrong password', async () => {
    const username = unique('erin');
    await create({ username, email: `${username}@example.test`, password: 'long enough' });
    const ok = await kit.app.inject({ method: 'POST', url: '/users/authenticate', payload: { username, password: 'long enough' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, sessionId: expect.any(String) });
    const bad = await kit.app.inject({ method: 'POST', url: '/users/authenticate', payload: { username, password: 'wrong one' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS' });
  });

  it('GET /users/{userId} shows the email to its owner only', async () => {
    const alice = await signUp(kit.users);
    const bob = await signUp(kit.users);
    const own = await kit.app.inject({ method: 'GET', url: `/users/${alice.userId}`, headers: alice.headers });
    const presence = { status: 'offline' };
    expect(own.json()).toEqual({ userId: alice.userId, username: alice.username, email: alice.email, presence });
    const other = await kit.app.inject({ method: 'GET', url: `/users/${alice.userId}`, headers: bob.headers });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual({ userId: alice.userId, username: alice.username, presence });
  });

  it('GET /users/{userId} answers 404 USERS_USER_NOT_FOUND and 400 for a bad id', async () => {
    const alice = await signUp(kit.users);
    const missing = await kit.app.inject({ method: 'GET', url: '/users/999999', headers: alice.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'USERS_USER_NOT_FOUND' });
    for (const id of ['0', 'abc', '-3', '2147483648']) {
      const bad = await kit.app.inject({ method: 'GET', url: `/users/${id}`, headers: alice.headers });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
