/** A bench user: its id and bearer token. */
export interface BenchUser {
  readonly userId: number;
  readonly token: string;
}

/** An HTTP answer that is not 2xx. */
export class HttpStatusError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const ATTEMPTS = 5;
const BACKOFF_MS = 1_000;

/**
 * POSTs JSON; a 5xx or a network failure is tried again (up to 5 attempts, after 1, 2, 4
 * and 8 s, so an overloaded service can drain its backlog), anything else is thrown.
 */
const call = async <T>(url: string, body: unknown, token?: string, onRetry?: (why: string) => void): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    let why: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.ok) return JSON.parse(text) as T;
      if (response.status < 500 || attempt >= ATTEMPTS) {
        throw new HttpStatusError(response.status, `POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
      }
      why = `${response.status} ${text.slice(0, 200)}`;
    } catch (error) {
      if (error instanceof HttpStatusError || attempt >= ATTEMPTS) throw error;
      why = (error as Error).message;
    }
    onRetry?.(why);
    await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1)));
  }
};

/** The `sub` of a ChatterRoom JWT, or the token itself when it is a bare id (the baseline relay's). */
const userIdOfToken = (token: string): number => {
  const payload = token.split('.')[1];
  if (payload === undefined) return Number(token);
  return Number((JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub);
};

/** The HTTP calls that set a scenario up (users, rooms, members), over one gateway. */
export class BenchApi {
  constructor(
    private readonly httpUrl: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /**
   * Creates and signs in a user. When a create had to be retried, a USERS_USERNAME_TAKEN
   * answer means the first attempt went through: the user is signed in all the same.
   */
  async createUser(username: string): Promise<BenchUser> {
    const password = 'bench-password-1';
    let retried = false;
    const onRetry = (why: string) => {
      retried = true;
      this.log(`retrying the creation of ${username}: ${why}`);
    };
    let userId: number | undefined;
    try {
      ({ userId } = await call<{ userId: number }>(`${this.httpUrl}/users/create`, {
        username,
        email: `${username}@bench.example.com`,
        password,
      }, undefined, onRetry));
    } catch (error) {
      if (!(retried && error instanceof HttpStatusError && error.status === 409)) throw error;
    }
    const { token } = await call<{ token: string }>(`${this.httpUrl}/users/authenticate`, { username, password });
    return { userId: userId ?? userIdOfToken(token), token };
  }

  async createRoom(owner: BenchUser, name: string): Promise<number> {
    return (await call<{ roomId: number }>(`${this.httpUrl}/rooms/create`, { name }, owner.token)).roomId;
  }

  /** Joining is idempotent, so retries are harmless. */
  async joinRoom(user: BenchUser, roomId: number): Promise<void> {
    await call(`${this.httpUrl}/rooms/${roomId}/join`, {}, user.token);
  }
}
