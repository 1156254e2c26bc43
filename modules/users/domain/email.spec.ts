import { EMAIL_MAX_LENGTH, parseEmail } from './email';

describe('email rules', () => {
  it.each([
    ['a@b.co', 'a@b.co'],
    ['John.Doe+tag@Example.COM', 'john.doe+tag@example.com'],
    ['x@sub.domain.example.org', 'x@sub.domain.example.org'],
  ])('accepts %p and lower-cases it', (email, stored) => {
    expect(parseEmail(email)).toBe(stored);
  });

  it('accepts exactly the maximum length and refuses one more', () => {
    const atMax = `${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX_LENGTH - 64 - 5)}.com`;
    expect(atMax).toHaveLength(EMAIL_MAX_LENGTH);
    expect(parseEmail(atMax)).toBe(atMax);
    expect(() => parseEmail(`a${atMax}`)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it.each([
    '',
    'plainaddress',
    '@example.com',
    'a@b@example.com',
    'user@localhost',
    'user@.example.com',
    'user@example.com.',
    'user@example..com',
    'us er@example.com',
    'user@exa mple.com',
    ' user@example.com',
    'user@example.com\n',
    'user\u0000@example.com',
  ])('refuses %p naming the field', (email) => {
    expect(() => parseEmail(email)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('email') }));
  });

  it.each([7, null, undefined, {}])('refuses the non-string %p', (value) => {
    expect(() => parseEmail(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'email must be a string' }));
  });
});
