/** The one browser origin every system target allows besides its own (its CORS_ORIGINS). */
export const ALLOWED_TEST_ORIGIN = 'http://allowed-client.chatterroom.test';

/** An origin no target allows. */
export const FOREIGN_TEST_ORIGIN = 'http://foreign-site.chatterroom.test';

/** The gateway environment that allows {@link ALLOWED_TEST_ORIGIN}. */
export const originEnv = { CORS_ORIGINS: ALLOWED_TEST_ORIGIN } as const;
