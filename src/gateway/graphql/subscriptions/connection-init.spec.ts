import { silentLogger } from '../../../../modules/kernel';
import { UsersErrors, type TokenVerifier } from '../../../../modules/users/contracts';
import { authenticateConnection, tokenOfInitPayload } from './connection-init';

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

  it('accepts a valid token as its user, and refuses a missing or bad one', async () => {
    const tokenVerifier: TokenVerifier = {
      verify: async (token) => {
        if (token !== 'good') throw UsersErrors.invalidToken('bad signature');
        return { userId: 42 };
      },
    };
    const onConnect = authenticateConnection({ tokenVerifier, logger: silentLogger });
    const accepted = await onConnect({ payload: { token: 'good' } });
    expect(accepted !== false && (await accepted.caller.id())).toBe(42);
    expect(await onConnect({ payload: { token: 'forged' } })).toBe(false);
    expect(await onConnect({ payload: {} })).toBe(false);
  });
});
