import { adaptOutgoing } from './transport-ws-messages';

describe('adaptOutgoing', () => {
  it('sends ordinary messages as they are', () => {
    const next = JSON.stringify({ type: 'next', id: '1', payload: { data: { messageAdded: { message: '{"type":"error"}' } } } });
    expect(adaptOutgoing(next)).toEqual({ action: 'send', text: next, acknowledges: false });
  });

  it('notes the connection_ack', () => {
    expect(adaptOutgoing('{"type":"connection_ack"}')).toEqual({ action: 'send', text: '{"type":"connection_ack"}', acknowledges: true });
  });

  it('turns a refused connection_init into a 4403 close, and a subscribe before it into 4401', () => {
    expect(adaptOutgoing(JSON.stringify({ type: 'connection_error', payload: { message: 'Forbidden' } }))).toEqual({
      action: 'close',
      code: 4403,
      reason: 'Forbidden',
    });
    expect(adaptOutgoing(JSON.stringify({ type: 'connection_error', payload: { message: 'Connection has not been established yet.' } }))).toEqual({
      action: 'close',
      code: 4401,
      reason: 'Unauthorized',
    });
  });

  it('gives a code to the errors that have none, and keeps the codes there are', () => {
    const outgoing = adaptOutgoing(
      JSON.stringify({
        type: 'error',
        id: '7',
        payload: [
          { message: 'Syntax Error: Unexpected <EOF>.' },
          { message: 'Invalid operation: query', extensions: { hint: 'x' } },
          { message: 'You are not a member of room 3', extensions: { code: 'CHAT_NOT_A_ROOM_MEMBER' } },
        ],
      }),
    );
    expect(outgoing.action === 'send' && JSON.parse(outgoing.text)).toEqual({
      type: 'error',
      id: '7',
      payload: [
        { message: 'Syntax Error: Unexpected <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
        { message: 'Invalid operation: query', extensions: { hint: 'x', code: 'GRAPHQL_VALIDATION_FAILED' } },
        { message: 'You are not a member of room 3', extensions: { code: 'CHAT_NOT_A_ROOM_MEMBER' } },
      ],
    });
  });
});
