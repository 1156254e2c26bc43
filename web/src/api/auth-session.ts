import { ApiError } from './api-error';
import { call, type Method, type PathWith, type CallOptions, type SuccessBody } from './http-client';
import { isSessionKey, readStoredSession, userIdOfToken, writeStoredSession, type StoredSession } from './stored-session';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

type TokenPair = SuccessBody<'/users/authenticate', 'post'>;

/**
 * The signed-in person: keeps the token pair in localStorage (every tab of the origin shares
 * it), refreshes it silently before it expires or after a 401 `AUTH_INVALID_TOKEN`
 * (POST /users/refresh, one tab at a time under a Web Lock so a refresh token is never spent
 * twice), signs out with POST /users/logout. Listeners hear every change, from this tab or another.
 */
export class AuthSession {
  private current: StoredSession | undefined;
  private refreshing: Promise<StoredSession | undefined> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage = localStorage) {
    this.current = readStoredSession(storage);
    addEventListener('storage', (event) => {
      if (!isSessionKey(event.key)) return;
      this.current = readStoredSession(storage);
      this.notify();
    });
  }

  get session(): StoredSession | undefined {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(username: string, password: string): Promise<void> {
    const pair = await call('post', '/users/authenticate', { body: { username, password } });
    const userId = userIdOfToken(pair.token);
    const user = await call('get', '/users/{userId}', { path: { userId: String(userId) }, token: pair.token });
    this.store(this.fromPair(pair, userId, user.username));
  }

  async createAccount(username: string, email: string, password: string): Promise<void> {
    await call('post', '/users/create', { body: { username, email, password } });
    await this.signIn(username, password);
  }

  /** Ends the session everywhere (every tab, every socket); forgets it here even when the server cannot be reached. */
  async signOut(): Promise<void> {
    const session = this.current;
    this.store(undefined);
    if (session !== undefined) await call('post', '/users/logout', { token: session.token }).catch(() => undefined);
  }

  /** A valid access token, refreshed first when it is about to expire; throws `AUTH_SIGNED_OUT` when there is no session. */
  async accessToken(): Promise<string> {
    const session = this.current;
    if (session === undefined) throw new ApiError(401, 'AUTH_SIGNED_OUT', 'Signed out');
    if (session.expiresAt - REFRESH_MARGIN_MS > Date.now()) return session.token;
    const fresh = await this.refresh(session);
    if (fresh === undefined) throw new ApiError(401, 'AUTH_SIGNED_OUT', 'Your session ended: sign in again');
    return fresh.token;
  }

  /** An authenticated call; on 401 `AUTH_INVALID_TOKEN` the token is refreshed and the call made once more. */
  async call<M extends Method, P extends PathWith<M>>(method: M, path: P, options: Omit<CallOptions<P, M>, 'token'> = {}): Promise<SuccessBody<P, M>> {
    const token = await this.accessToken();
    try {
      return await call(method, path, { ...options, token } as CallOptions<P, M>);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'AUTH_INVALID_TOKEN' || this.current === undefined) throw error;
      const fresh = await this.refresh(this.current);
      if (fresh === undefined) throw new ApiError(401, 'AUTH_SIGNED_OUT', 'Your session ended: sign in again');
      return call(method, path, { ...options, token: fresh.token } as CallOptions<P, M>);
    }
  }

  private refresh(stale: StoredSession): Promise<StoredSession | undefined> {
    this.refreshing ??= this.refreshOnce(stale).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(stale: StoredSession): Promise<StoredSession | undefined> {
    const work = async (): Promise<StoredSession | undefined> => {
      const latest = readStoredSession(this.storage);
      // Another tab refreshed already: take its pair rather than spend the old refresh token again.
      if (latest !== undefined && latest.refreshToken !== stale.refreshToken) {
        this.current = latest;
        return latest;
      }
      try {
        const pair = await call('post', '/users/refresh', { body: { refreshToken: stale.refreshToken } });
        const next = this.fromPair(pair, stale.userId, stale.username);
        this.store(next);
        return next;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          this.store(undefined);
          return undefined;
        }
        throw error;
      }
    };
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks === undefined ? work() : locks.request('chatterroom.refresh', work);
  }

  private fromPair(pair: TokenPair, userId: number, username: string): StoredSession {
    return {
      userId,
      username,
      sessionId: pair.sessionId,
      token: pair.token,
      refreshToken: pair.refreshToken,
      expiresAt: Date.now() + pair.expiresIn * 1000,
    };
  }

  private store(session: StoredSession | undefined): void {
    this.current = session;
    writeStoredSession(this.storage, session);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
