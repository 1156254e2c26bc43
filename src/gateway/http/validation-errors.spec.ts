import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { schemaValidationError } from './validation-errors';

describe('schemaValidationError (the one mapping of schema violations)', () => {
  it('is a 400 VALIDATION_FAILED domain error naming every unknown field', () => {
    const error = schemaValidationError(
      [
        { keyword: 'additionalProperties', instancePath: '', schemaPath: '#', params: { additionalProperty: 'userId' }, message: 'x' },
        { keyword: 'additionalProperties', instancePath: '', schemaPath: '#', params: { additionalProperty: 'role' }, message: 'x' },
      ],
      'body',
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid', message: 'unknown body fields: userId, role' });
  });

  it.each([
    ['querystring', 'unknown query parameter: after'],
    ['params', 'unknown path parameter: after'],
  ] as const)('names the part of the request (%s)', (part, message) => {
    const error = schemaValidationError(
      [{ keyword: 'additionalProperties', instancePath: '', schemaPath: '#', params: { additionalProperty: 'after' }, message: 'x' }],
      part,
    );
    expect(error.message).toBe(message);
  });

  it('reads a rule from the description of the broken property', () => {
    const error = schemaValidationError(
      [
        {
          keyword: 'pattern',
          instancePath: '/roomId',
          schemaPath: '#/properties/roomId/pattern',
          params: { pattern: '^[1-9]$' },
          message: 'must match pattern "^[1-9]$"',
          parentSchema: { type: 'string', description: 'a positive 32-bit integer' },
        } as never,
      ],
      'params',
    );
    expect(error.message).toBe('roomId must be a positive 32-bit integer');
  });

  it('says what is missing and what has the wrong type', () => {
    const error = schemaValidationError(
      [
        { keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'name' }, message: 'x' },
        { keyword: 'type', instancePath: '/message', schemaPath: '#', params: { type: 'string' }, message: 'x' },
      ],
      'body',
    );
    expect(error.message).toBe('name is required; message must be a string');
  });
});

describe('schema violations over HTTP', () => {
  let kit: GatewayTestKit;
  let headers: Record<string, string>;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    headers = { ...(await signUp(kit.users)).headers, 'content-type': 'application/json' };
  });
  afterEach(() => kit.app.close());

  const post = (url: string, payload: string) => kit.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string) => kit.app.inject({ method: 'GET', url, headers });

  it.each([
    ['POST', '/rooms/1/join', '{"userId":2}', 'unknown body field: userId'],
    ['POST', '/rooms/create', '{"name":"r","ownerId":2,"private":true}', 'unknown body fields: ownerId, private'],
    ['POST', '/chats/private/2', '{"message":"hi","clientMessageId":5}', 'clientMessageId must be a string or null'],
    ['POST', '/chats/room/1', '{"message":42}', 'message must be a string'],
    ['POST', '/rooms/1/join', '[1]', 'body must be a JSON object or null'],
    ['POST', '/users/authenticate', '{"username":"a"}', 'password is required'],
    ['GET', '/chats/room/1/history?order=desc', '', 'unknown query parameter: order'],
    ['GET', '/chats/room/1/history?limit=201', '', 'limit must be an integer from 1 to 200'],
    ['GET', '/chats/room/1/history?limit=1&limit=2', '', 'limit must be given once'],
    ['GET', '/chats/private/1/history?before=', '', 'before must be a messageId'],
    ['GET', '/rooms/01', '', 'roomId must be a positive 32-bit integer'],
    ['GET', '/users/2147483648', '', 'userId must be a positive 32-bit integer'],
  ])('%s %s %s answers 400 VALIDATION_FAILED: %s', async (method, url, payload, message) => {
    const response = method === 'GET' ? await get(url) : await post(url, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', error: 'Bad Request', message });
  });

  it('accepts the largest id and limit, an absent, null or empty join body, and a null clientMessageId', async () => {
    expect((await get('/users/2147483647')).statusCode).toBe(404);
    expect((await get('/chats/private/1/history?limit=200')).statusCode).toBe(200);
    const room = (await post('/rooms/create', '{"name":"r"}')).json();
    for (const payload of ['', 'null', '{}']) expect((await post(`/rooms/${room.roomId}/join`, payload)).statusCode).toBe(200);
    expect((await post(`/chats/room/${room.roomId}`, '{"message":"hi","clientMessageId":null}')).statusCode).toBe(201);
  });

  it('does not coerce: a number is not a name', async () => {
    const response = await post('/rooms/create', '{"name":42}');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'name must be a string' });
  });

  it('accepts exactly the limits 1 to 200', async () => {
    for (let limit = 0; limit <= 210; limit += 1) {
      const response = await get(`/chats/private/1/history?limit=${limit}`);
      expect({ limit, status: response.statusCode }).toEqual({ limit, status: limit >= 1 && limit <= 200 ? 200 : 400 });
    }
  });
});
