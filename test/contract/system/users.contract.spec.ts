import { randomBytes } from 'node:crypto';
import {
  anonymous, expectError, newRegistration, newUser, NO_SUCH_USER_ID, uniqueSuffix, type HttpResponse,
} from '@chatterroom/test/harness/system';

const create = (fields: Record<string, unknown>): Promise<HttpResponse> => anonymous().post('/users/create', fields);

const decodePart = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('POST /users/create', () => {
  it('answers 201 with {userId, username, email}', async () => {
    const registration = newRegistration();
    const response = await create(registration);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ userId: expect.any(Number), username: registration.username, email: registration.email });
    expect(Number.isInteger(response.body.userId) && response.body.userId > 0).toBe(true);
  });

  it('gives each user a distinct userId', async () => {
    const first = await create(newRegistration());
    const second = await create(newRegistration());
    expect(second.body.userId).not.toBe(first.body.userId);
  });

  it('registers users who sign up at the same time, each with its own userId', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => create(newRegistration())));
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((response) => response.body.userId)).size).toBe(responses.length);
  });

  it('stores the email lower-cased', async () => {
    const registration = newRegistration();
    const response = await create({ ...registration, email: registration.email.toUpperCase() });
    expect(response.status).toBe(201);
    expect(response.body.email).toBe(registration.email.toLowerCase());
  });

  it.each([
    ['3 characters', () => randomBytes(3).toString('base64url').slice(0, 3)],
    ['32 characters', () => `u${uniqueSuffix()}`.padEnd(32, 'x')],
    ['every allowed character', () => `Ab9_.-${uniqueSuffix()}`],
  ])('accepts a username of %s', async (_label, makeUsername) => {
    const username = makeUsername();
    const response = await create({ ...newRegistration(), username });
    expect(response.status).toBe(201);
    expect(response.body.username).toBe(username);
  });

  it.each([
    ['2 characters', 'ab'],
    ['33 characters', 'u'.repeat(33)],
    ['a space', 'bad name'],
    ['a character outside [A-Za-z0-9_.-]', 'bad!name'],
    ['non-ASCII letters', 'ünïcode'],
    ['an empty string', ''],
  ])('refuses a username of %s with 400 VALIDATION_FAILED', async (_label, username) => {
    expectError(await create({ ...newRegistration(), username }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a taken username, in any case, with 409 USERS_USERNAME_TAKEN', async () => {
    const first = newRegistration();
    expect((await create(first)).status).toBe(201);
    expectError(await create({ ...newRegistration(), username: first.username }), 409, 'USERS_USERNAME_TAKEN');
    expectError(await create({ ...newRegistration(), username: first.username.toUpperCase() }), 409, 'USERS_USERNAME_TAKEN');
  });

  it.each(['not-an-email', 'missing-domain@', '@missing-local.test', 'two@@signs.test', 'spaces in@mail.test'])(
    'refuses the email %j with 400 VALIDATION_FAILED',
    async (email) => {
      expectError(await create({ ...newRegistration(), email }), 400, 'VALIDATION_FAILED');
    },
  );

  it('refuses a taken email, in any case, with 409 USERS_EMAIL_TAKEN', async () => {
    const first = newRegistration();
    expect((await create(first)).status).toBe(201);
    expectError(await create({ ...newRegistration(), email: first.email }), 409, 'USERS_EMAIL_TAKEN');
    expectError(await create({ ...newRegistration(), email: first.email.toUpperCase() }), 409, 'USERS_EMAIL_TAKEN');
  });

  it.each([
    ['8 bytes', 'p'.repeat(8)],
    ['72 bytes', 'p'.repeat(72)],
    ['72 bytes of 2-byte characters', 'é'.repeat(36)],
  ])('accepts a password of %s', async (_label, password) => {
    expect((await create({ ...newRegistration(), password })).status).toBe(201);
  });

  it.each([
    ['7 bytes', 'p'.repeat(7)],
    ['73 bytes', 'p'.repeat(73)],
    ['37 characters that are 74 bytes', 'é'.repeat(37)],
  ])('refuses a password of %s with 400 VALIDATION_FAILED', async (_label, password) => {
    expectError(await create({ ...newRegistration(), password }), 400, 'VALIDATION_FAILED');
  });

  it.each(['username', 'email', 'password'])('refuses a body without %s with 400 VALIDATION_FAILED', async (field) => {
    const registration: Record<string, unknown> = newRegistration();
    delete registration[field];
    expectError(await create(registration), 400, 'VALIDATION_FAILED');
  });

  it('refuses fields that are not strings with 400 VALIDATION_FAILED', async () => {
    expectError(await create({ ...newRegistration(), username: 12345 }), 400, 'VALIDATION_FAILED');
    expectError(await create({ ...newRegistration(), password: ['secret-secret'] }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a body that is not a JSON object with 400 VALIDATION_FAILED', async () => {
    expectError(await anonymous().send({ method: 'POST', path: '/users/create', rawBody: '[1,2]' }), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /users/authenticate', () => {
  it('answers 200 with an EdDSA JWT whose sub is the userId and which expires, and the session fields after it', async () => {
    const registration = newRegistration();
    const created = await create(registration);
    const response = await anonymous().post('/users/authenticate', { username: registration.username, password: registration.password });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, sessionId: expect.any(String) });
    const parts = (response.body.token as string).split('.');
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePart(parts[0]!)).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
    const payload = decodePart(parts[1]!);
    expect(payload.sub).toBe(String(created.body.userId));
    expect(typeof payload.exp).toBe('number');
    expect(payload.exp as number).toBeGreaterThan(Date.now() / 1000);
  });

  it('accepts the username in any case', async () => {
    const registration = newRegistration();
    await create(registration);
    const response = await anonymous().post('/users/authenticate', {
      username: registration.username.toUpperCase(),
      password: registration.password,
    });
    expect(response.status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike: 401 AUTH_INVALID_CREDENTIALS', async () => {
    const registration = newRegistration();
    await create(registration);
    const wrongPassword = await anonymous().post('/users/authenticate', { username: registration.username, password: 'wrong-password' });
    const unknownUser = await anonymous().post('/users/authenticate', { username: newRegistration().username, password: 'wrong-password' });
    expectError(wrongPassword, 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(unknownUser, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  it('refuses fields that are missing or not strings with 400 VALIDATION_FAILED', async () => {
    expectError(await anonymous().post('/users/authenticate', { username: 'someone' }), 400, 'VALIDATION_FAILED');
    expectError(await anonymous().post('/users/authenticate', { username: 'someone', password: 42 }), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /users/{userId}', () => {
  it('shows yourself with your email', async () => {
    const me = await newUser();
    const response = await me.http.get(`/users/${me.userId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: me.userId, username: me.username, email: me.email, presence: { status: 'offline' } });
  });

  it('shows another user without their email', async () => {
    const me = await newUser();
    const other = await newUser();
    const response = await me.http.get(`/users/${other.userId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: other.userId, username: other.username, presence: { status: 'offline' } });
  });

  it('answers 404 USERS_USER_NOT_FOUND for an unknown user', async () => {
    const me = await newUser();
    expectError(await me.http.get(`/users/${NO_SUCH_USER_ID}`), 404, 'USERS_USER_NOT_FOUND');
  });

  it('answers 401 AUTH_MISSING_TOKEN without a token', async () => {
    const me = await newUser();
    expectError(await me.http.withToken(undefined).get(`/users/${me.userId}`), 401, 'AUTH_MISSING_TOKEN');
  });

  it('answers 401 AUTH_INVALID_TOKEN with a token that is not a JWT', async () => {
    const me = await newUser();
    expectError(await me.http.withToken('not-a-token').get(`/users/${me.userId}`), 401, 'AUTH_INVALID_TOKEN');
  });

  it('answers 401 AUTH_INVALID_TOKEN with a token whose payload was changed', async () => {
    const me = await newUser();
    const other = await newUser();
    const [header, payload, signature] = me.token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...decodePart(payload), sub: String(other.userId) })).toString('base64url');
    expectError(await me.http.withToken(`${header}.${forged}.${signature}`).get(`/users/${other.userId}`), 401, 'AUTH_INVALID_TOKEN');
  });

  it('answers 401 AUTH_INVALID_TOKEN with an unsigned (alg none) token', async () => {
    const me = await newUser();
    const [, payload] = me.token.split('.') as [string, string];
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectError(await me.http.withToken(`${header}.${payload}.`).get(`/users/${me.userId}`), 401, 'AUTH_INVALID_TOKEN');
  });

  it('accepts a token on every gateway', async () => {
    const me = await newUser(0);
    const elsewhere = anonymous(1).withToken(me.token);
    const response = await elsewhere.get(`/users/${me.userId}`);
    expect(response.status).toBe(200);
    expect(response.body.userId).toBe(me.userId);
  });
});
