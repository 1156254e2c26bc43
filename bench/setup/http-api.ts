/** A bench user: its id and bearer token. */
export interface BenchUser {
  readonly userId: number;
  readonly token: string;
}

const call = async <T>(url: string, body: unknown, token?: string): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.status >= 500 && attempt < 3) continue;
      if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof TypeError)) throw error;
    }
  }
};

/** The HTTP calls that set a scenario up (users, rooms, members), over one gateway. */
export class BenchApi {
  constructor(private readonly httpUrl: string) {}

  async createUser(username: string): Promise<BenchUser> {
    const password = 'bench-password-1';
    const { userId } = await call<{ userId: number }>(`${this.httpUrl}/users/create`, {
      username,
      email: `${username}@bench.example.com`,
      password,
    });
    const { token } = await call<{ token: string }>(`${this.httpUrl}/users/authenticate`, { username, password });
    return { userId, token };
  }

  async createRoom(owner: BenchUser, name: string): Promise<number> {
    return (await call<{ roomId: number }>(`${this.httpUrl}/rooms/create`, { name }, owner.token)).roomId;
  }

  async joinRoom(user: BenchUser, roomId: number): Promise<void> {
    await call(`${this.httpUrl}/rooms/${roomId}/join`, {}, user.token);
  }
}
