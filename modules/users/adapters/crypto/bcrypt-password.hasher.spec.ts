import { BcryptPasswordHasher } from './bcrypt-password.hasher';

describe('BcryptPasswordHasher', () => {
  const hasher = new BcryptPasswordHasher({ bcryptCost: 4 });

  it('hashes with the configured cost and a fresh salt each time', async () => {
    const first = await hasher.hash('s3cret pass');
    const second = await hasher.hash('s3cret pass');
    expect(first).toMatch(/^\$2[aby]\$04\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('p\u00e4ssw\u00f6rd \u{1F600}');
    await expect(hasher.verify('p\u00e4ssw\u00f6rd \u{1F600}', hash)).resolves.toBe(true);
    await expect(hasher.verify('passwOrd', hash)).resolves.toBe(false);
  });

  it.each([[''], ['not a hash'], ['$2b$04$' + '!'.repeat(53)], ['$2b$xx$' + 'a'.repeat(53)], ['$9z$04$' + 'a'.repeat(53)]])(
    'answers false, without throwing, for the malformed hash %p',
    async (hash) => {
      await expect(hasher.verify('anything', hash)).resolves.toBe(false);
    },
  );
});
