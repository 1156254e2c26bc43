import { isWellFormedUsername, parseUsername, usernameKey } from './username';

describe('username rules', () => {
  it.each(['abc', 'A'.repeat(32), 'john.doe', 'x_y-z', 'R2D2', '...', '-_-'])('accepts %p as given', (username) => {
    expect(parseUsername(username)).toBe(username);
  });

  it.each(['ab', 'a'.repeat(33), 'has space', 'tab\tname', 'émile', 'a@b', 'semi;colon', '', 'new\nline'])('refuses %p', (username) => {
    expect(isWellFormedUsername(username)).toBe(false);
    expect(() => parseUsername(username)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('username') }));
  });

  it.each([42, null, undefined, ['abc'], { toString: () => 'abc' }])('refuses the non-string %p naming the field', (value) => {
    expect(() => parseUsername(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'username must be a string' }));
  });

  it('compares usernames ignoring case', () => {
    expect(usernameKey('John.Doe')).toBe(usernameKey('jOHN.dOE'));
  });
});
