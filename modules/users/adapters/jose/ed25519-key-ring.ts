import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import type { Clock, Logger } from '@chatterroom/kernel';
import type { JsonWebKeySet, JwksProvider, PublicJwk } from '../../contracts';
import type { KeyStore, StoredSigningKey } from '../../ports';

export const SIGNING_ALGORITHM = 'EdDSA';

export interface Ed25519KeyRingDeps {
  readonly keyStore: KeyStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A new key signs once the current one is this old (SIGNING_KEY_ROTATION_SECONDS). */
  readonly signingKeyRotationSeconds: number;
  readonly accessTokenTtlSeconds: number;
  readonly tokenClockToleranceSeconds: number;
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

/** How long a process trusts its copy of the stored keys before reading them again. */
const KEY_LIST_CACHE_MS = 30_000;
/** Keys another replica signs with may be this stale in its cache: retired keys stay published that much longer. */
const REPLICA_LAG_SECONDS = KEY_LIST_CACHE_MS / 1000 + 30;

/**
 * The users module's Ed25519 signing keys (only the users module holds one). The newest
 * stored key signs; a key stops being published (JWKS) only once every token it can have
 * signed has expired: its successor is older than the access-token lifetime plus the
 * clock tolerance and the replicas' cache lag. `rotateIfDue` makes the first key and the
 * next ones (on a timer started by the composition root); `rotateNow` forces one.
 */
export class Ed25519KeyRing implements JwksProvider {
  private cached: { keys: StoredSigningKey[]; readAt: number } | undefined;
  private readonly privateKeys = new Map<string, Promise<CryptoKey>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: Ed25519KeyRingDeps) {}

  /** The key to sign with now; makes the first one when the store has none. */
  async currentSigningKey(): Promise<SigningKey> {
    let [current] = await this.keys();
    if (current === undefined) {
      await this.rotateNow();
      [current] = await this.keys();
    }
    if (current === undefined) throw new Error('no signing key could be made');
    let privateKey = this.privateKeys.get(current.kid);
    if (privateKey === undefined) {
      privateKey = importJWK({ ...current.privateJwk, alg: SIGNING_ALGORITHM }, SIGNING_ALGORITHM) as Promise<CryptoKey>;
      this.privateKeys.set(current.kid, privateKey);
    }
    return { kid: current.kid, privateKey: await privateKey };
  }

  async getJwks(): Promise<JsonWebKeySet> {
    return { keys: this.published(await this.keys(true)).map(toPublicJwk) };
  }

  /** Makes a new key that signs from now on; older ones stay published. Returns its kid. */
  async rotateNow(): Promise<string> {
    const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
    const privateJwk = (await exportJWK(privateKey)) as Record<string, string>;
    const publicJwk = { kty: privateJwk.kty!, crv: privateJwk.crv!, x: privateJwk.x! };
    const kid = await calculateJwkThumbprint(publicJwk);
    await this.deps.keyStore.add({ kid, publicJwk, privateJwk, createdAt: this.deps.clock.now().toISOString() });
    this.cached = undefined;
    this.deps.logger.info({ kid }, 'new signing key');
    return kid;
  }

  /** Rotates when there is no key or the newest is due, then forgets keys nobody can need. */
  async rotateIfDue(): Promise<void> {
    const [newest] = await this.keys(true);
    const now = this.deps.clock.now().getTime();
    if (newest === undefined || Date.parse(newest.createdAt) + this.deps.signingKeyRotationSeconds * 1000 <= now) await this.rotateNow();
    const keys = await this.keys(true);
    const published = this.published(keys);
    const oldestPublished = published.at(-1);
    if (oldestPublished !== undefined && published.length < keys.length) {
      await this.deps.keyStore.removeOlderThan(oldestPublished.createdAt, published.map((key) => key.kid));
      this.cached = undefined;
    }
  }

  /** Checks every `checkEveryMs` (and once now) whether a rotation is due. */
  async start(checkEveryMs = Math.min(60_000, (this.deps.signingKeyRotationSeconds * 1000) / 4)): Promise<void> {
    await this.rotateIfDue();
    this.timer = setInterval(() => {
      this.rotateIfDue().catch((error: unknown) => this.deps.logger.error({ err: error }, 'signing key rotation failed'));
    }, checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private published(keys: readonly StoredSigningKey[]): StoredSigningKey[] {
    const graceMs = (this.deps.accessTokenTtlSeconds + this.deps.tokenClockToleranceSeconds + REPLICA_LAG_SECONDS) * 1000;
    const now = this.deps.clock.now().getTime();
    const published: StoredSigningKey[] = [];
    for (const [index, key] of keys.entries()) {
      const successor = index === 0 ? undefined : keys[index - 1];
      if (successor !== undefined && Date.parse(successor.createdAt) + graceMs <= now) break;
      published.push(key);
    }
    return published;
  }

  private async keys(fresh = false): Promise<StoredSigningKey[]> {
    const now = Date.now();
    if (fresh || this.cached === undefined || now - this.cached.readAt > KEY_LIST_CACHE_MS) {
      this.cached = { keys: await this.deps.keyStore.list(), readAt: now };
    }
    return this.cached.keys;
  }
}

const toPublicJwk = (key: StoredSigningKey): PublicJwk => ({
  kty: key.publicJwk.kty ?? 'OKP',
  crv: key.publicJwk.crv ?? 'Ed25519',
  x: key.publicJwk.x ?? '',
  kid: key.kid,
  alg: SIGNING_ALGORITHM,
  use: 'sig',
});
