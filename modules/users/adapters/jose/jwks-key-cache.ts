import { importJWK, type CryptoKey } from 'jose';
import type { JwksProvider } from '../../contracts';
import { SIGNING_ALGORITHM } from './ed25519-key-ring';

/** At most one JWKS fetch per this long; requests naming an unknown kid wait for the next one. */
export const JWKS_REFETCH_INTERVAL_MS = 1_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * A verifier's copy of the users module's public keys, by kid. The set is fetched on first
 * use and again when a token names a kid not in it (a rotation happened): at most once per
 * {@link JWKS_REFETCH_INTERVAL_MS}, shared by every request waiting, so tokens with made-up
 * kids cannot flood the user service. Holds public keys only.
 */
export class JwksKeyCache {
  private keys = new Map<string, CryptoKey>();
  private lastFetchAt = -Infinity;
  private fetching: Promise<void> | undefined;

  constructor(private readonly deps: { jwksProvider: JwksProvider }) {}

  /** The public key of `kid`, or null when the users module does not publish it. */
  async keyFor(kid: string): Promise<CryptoKey | null> {
    const known = this.keys.get(kid);
    if (known !== undefined) return known;
    await this.refetch();
    return this.keys.get(kid) ?? null;
  }

  private refetch(): Promise<void> {
    this.fetching ??= (async () => {
      const wait = this.lastFetchAt + JWKS_REFETCH_INTERVAL_MS - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        const { keys } = await this.deps.jwksProvider.getJwks();
        const next = new Map<string, CryptoKey>();
        for (const jwk of keys) {
          if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') continue;
          next.set(jwk.kid, (await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, SIGNING_ALGORITHM)) as CryptoKey);
        }
        this.keys = next;
      } finally {
        this.lastFetchAt = Date.now();
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }
}
