/** What a signed-in tab keeps (localStorage, shared by the origin's tabs). */
export interface StoredSession {
  readonly userId: number;
  readonly username: string;
  readonly sessionId: string;
  readonly token: string;
  readonly refreshToken: string;
  /** Epoch milliseconds after which `token` is refused. */
  readonly expiresAt: number;
}

const KEY = 'chatterroom.session';

export const readStoredSession = (storage: Storage): StoredSession | undefined => {
  const raw = storage.getItem(KEY);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as StoredSession;
  } catch {
    return undefined;
  }
};

export const writeStoredSession = (storage: Storage, session: StoredSession | undefined): void => {
  if (session === undefined) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify(session));
};

/** True when a `storage` event is about the session (another tab signed in, refreshed or signed out). */
export const isSessionKey = (key: string | null): boolean => key === KEY || key === null;

/** The `sub` claim of an access token (a JWS): the signed-in user's id. */
export const userIdOfToken = (token: string): number => {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('Not a JWT');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return Number((JSON.parse(json) as { sub: string | number }).sub);
};
