import { parseCredentials, parseRegistration } from './registration';

describe('registration and credentials', () => {
  it('returns the registration ready to store', () => {
    expect(parseRegistration({ username: 'Alice', email: 'Alice@Example.com', password: 'secret123', extra: true })).toEqual({
      username: 'Alice',
      email: 'alice@example.com',
      password: 'secret123',
    });
  });

  it('names the first offending field, in the order username, email, password', () => {
    expect(() => parseRegistration({ username: 1, email: 2, password: 3 })).toThrow('username');
    expect(() => parseRegistration({ username: 'alice', email: 2, password: 3 })).toThrow('email');
    expect(() => parseRegistration({ username: 'alice', email: 'a@b.co', password: 3 })).toThrow('password');
  });

  it.each([null, undefined, 'alice', 42, ['alice']])('refuses the non-object input %p', (input) => {
    expect(() => parseRegistration(input)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => parseCredentials(input)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('takes any strings as credentials, and refuses other types naming the field', () => {
    expect(parseCredentials({ username: 'not valid!', password: '' })).toEqual({ username: 'not valid!', password: '' });
    expect(() => parseCredentials({ username: 5, password: 'x' })).toThrow('username must be a string');
    expect(() => parseCredentials({ username: 'x', password: null })).toThrow('password must be a string');
  });
});
