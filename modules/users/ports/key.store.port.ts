/** An Ed25519 signing key pair as stored: JWKs, the private one with its `d`. */
export interface StoredSigningKey {
  readonly kid: string;
  /** The public JWK (`kty`, `crv`, `x`). */
  readonly publicJwk: Readonly<Record<string, string>>;
  /** The private JWK (`kty`, `crv`, `x`, `d`): only the users module ever reads it. */
  readonly privateJwk: Readonly<Record<string, string>>;
  /** When the key was made; the newest key signs. */
  readonly createdAt: string;
}

/** Outbound port: the users module's signing keys. */
export interface KeyStore {
  /**
   * Adds a key. Adding a `kid` that is stored already is a no-op (idempotent retries).
   * @throws Error when the storage fails
   */
  add(key: StoredSigningKey): Promise<void>;

  /** Every stored key, newest first (by `createdAt`, then `kid`). Empty when none. */
  list(): Promise<StoredSigningKey[]>;

  /** Deletes the keys made before `createdBefore` except `keep`; returns how many went. Idempotent. */
  removeOlderThan(createdBefore: string, keep: readonly string[]): Promise<number>;
}
