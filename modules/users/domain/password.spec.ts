import { parsePassword, passwordByteLength } from './password';

describe('password rules', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(passwordByteLength('abc')).toBe(3);
    expect(passwordByteLength('\u00e9')).toBe(2);
    expect(passwordByteLength('\u20ac')).toBe(3);
    expect(passwordByteLength('\u{1F600}')).toBe(4);
  });

  it.each([
    ['8 ASCII bytes', 'a'.repeat(8)],
    ['72 ASCII bytes', 'a'.repeat(72)],
    ['4 two-byte characters', '\u00e9'.repeat(4)],
    ['18 four-byte characters', '\u{1F600}'.repeat(18)],
  ])('accepts %s', (_case, password) => {
    expect(parsePassword(password)).toBe(password);
  });

  it.each([
    ['7 ASCII bytes', 'a'.repeat(7)],
    ['73 ASCII bytes', 'a'.repeat(73)],
    ['36 two-byte characters plus one byte (73 bytes)', `${'\u00e9'.repeat(36)}a`],
    ['19 four-byte characters (76 bytes, 38 UTF-16 units)', '\u{1F600}'.repeat(19)],
    ['nothing', ''],
  ])('refuses %s', (_case, password) => {
    expect(() => parsePassword(password)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'password must be 8-72 bytes long (UTF-8)' }),
    );
  });

  it.each([12345678, null, undefined, ['password']])('refuses the non-string %p', (value) => {
    expect(() => parsePassword(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'password must be a string' }));
  });
});
