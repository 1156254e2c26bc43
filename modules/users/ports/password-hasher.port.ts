/** Outbound port: one-way password hashing. */
export interface PasswordHasher {
  /** Returns a salted hash of `password`; two calls give different hashes. */
  hash(password: string): Promise<string>;

  /** True when `password` matches `hash`; false (never throws) for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
}
