import { ticketOfInitPayload, tokenOfInitPayload } from './connection-init';

describe('connection_init', () => {
  it('finds the token as {token}, {authorization} or {headers: {authorization}}', () => {
    expect(tokenOfInitPayload({ token: 't1' })).toBe('t1');
    expect(tokenOfInitPayload({ authorization: 'Bearer t2' })).toBe('t2');
    expect(tokenOfInitPayload({ Authorization: 'Bearer t3' })).toBe('t3');
    expect(tokenOfInitPayload({ headers: { authorization: 'Bearer t4' } })).toBe('t4');
    for (const payload of [undefined, null, {}, { token: '' }, { token: 5 }, { authorization: 'Basic abc' }, 'token']) {
      expect(tokenOfInitPayload(payload)).toBeUndefined();
    }
  });

  it('finds a single-use ticket as {ticket}', () => {
    expect(ticketOfInitPayload({ ticket: 'abc' })).toBe('abc');
    expect(ticketOfInitPayload({ ticket: '' })).toBeUndefined();
    expect(ticketOfInitPayload({ token: 'abc' })).toBeUndefined();
  });
});
