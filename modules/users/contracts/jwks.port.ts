/** One public key as RFC 7517 writes it (Ed25519: `kty: OKP`, `crv: Ed25519`, `x`). */
export interface PublicJwk {
  readonly kty: string;
  readonly crv: string;
  readonly x: string;
  readonly kid: string;
  readonly alg: string;
  readonly use: string;
}

/** A JWK Set: every public key a verifier may meet in a token's `kid`. */
export interface JsonWebKeySet {
  readonly keys: readonly PublicJwk[];
}

/** Inbound port: the users module's public signing keys (GET /.well-known/jwks.json, gRPC GetJwks). */
export interface JwksProvider {
  /**
   * The keys that signed tokens still within their lifetime, the current one first.
   * Read-only, never empty once the module has started. Never includes a private part.
   */
  getJwks(): Promise<JsonWebKeySet>;
}
