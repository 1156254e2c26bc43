import { GET_USERS_MAX_IDS, type UserDirectory, type UserSummary } from '@chatterroom/users/contracts';

interface Waiting {
  readonly resolve: (user: UserSummary | null) => void;
  readonly reject: (error: unknown) => void;
}

/** Past this many remembered users the memory starts over (a subscription lives long). */
const MAX_REMEMBERED = 1_000;

/**
 * Looks users up for one GraphQL request (or one subscription connection): every `load`
 * made while the resolvers of one tick run goes out as ONE `getUsers` call, and each
 * user is asked for once. A user that does not exist loads as null.
 */
export class UserBatchLoader {
  private readonly remembered = new Map<number, Promise<UserSummary | null>>();
  private waiting = new Map<number, Waiting>();
  private scheduled = false;

  constructor(private readonly deps: { userDirectory: UserDirectory }) {}

  load(userId: number): Promise<UserSummary | null> {
    const known = this.remembered.get(userId);
    if (known !== undefined) return known;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    const user = new Promise<UserSummary | null>((resolve, reject) => this.waiting.set(userId, { resolve, reject }));
    this.remembered.set(userId, user);
    this.schedule();
    return user;
  }

  /** The users that exist among `userIds`, in the order asked. */
  async loadMany(userIds: readonly number[]): Promise<UserSummary[]> {
    const users = await Promise.all(userIds.map((userId) => this.load(userId)));
    return users.filter((user): user is UserSummary => user !== null);
  }

  /** Like DataLoader: after the promise jobs of this tick, so every resolver had its turn. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    void Promise.resolve().then(() => process.nextTick(() => this.dispatch()));
  }

  private dispatch(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = new Map();
    const userIds = [...batch.keys()];
    for (let start = 0; start < userIds.length; start += GET_USERS_MAX_IDS) {
      void this.fetch(userIds.slice(start, start + GET_USERS_MAX_IDS), batch);
    }
  }

  private async fetch(userIds: number[], batch: ReadonlyMap<number, Waiting>): Promise<void> {
    try {
      const found = new Map((await this.deps.userDirectory.getUsers({ userIds })).map((user) => [user.userId, user]));
      for (const userId of userIds) batch.get(userId)?.resolve(found.get(userId) ?? null);
    } catch (error) {
      for (const userId of userIds) {
        this.remembered.delete(userId);
        batch.get(userId)?.reject(error);
      }
    }
  }
}
