import type { MikroORM } from '@mikro-orm/mongodb';
import { INT32_MAX } from '@chatterroom/kernel';
import { MongoCounters } from '@chatterroom/platform/mongo/mongo-counters';
import { UsersErrors } from '../../contracts';
import type { NewUser, StoredUser, UserRepository } from '../../ports';
import { userSchema, type UserDocument } from './user.schema';

const USER_ID_COUNTER = 'userId';

/**
 * {@link UserRepository} on MongoDB through MikroORM: one `users` document per user, its
 * `_id` the userId taken from the shared `userId` counter, with unique indexes on the
 * lower-cased `usernameKey` and `emailKey`. A taken name is refused before writing; when a
 * concurrent insert wins the race, the unique index refuses ours (E11000) and a second
 * look tells which key clashed, since FerretDB's error does not name the index. A clash on
 * `_id` alone means the counter lagged (FerretDB): the next value is tried.
 */
export class MikroOrmUserRepository implements UserRepository {
  private readonly orm: MikroORM;
  private readonly counters: MongoCounters;

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
    this.counters = new MongoCounters(deps.mongoOrm);
  }

  async insert(user: NewUser): Promise<StoredUser> {
    const keys = { usernameKey: user.username.toLowerCase(), emailKey: user.email.toLowerCase() };
    await this.refuseTakenKeys(keys);
    return this.counters.insertWithNext({
      counter: USER_ID_COUNTER,
      insert: async (userId) => {
        if (userId > INT32_MAX) throw new Error('No userId left: the int32 range is used up');
        const document: UserDocument = {
          _id: userId,
          username: user.username,
          usernameKey: keys.usernameKey,
          email: user.email,
          emailKey: keys.emailKey,
          passwordHash: user.passwordHash,
          createdAt: new Date(user.createdAt),
        };
        await this.orm.em.fork().insert(userSchema, document);
        return toStoredUser(document);
      },
      onDuplicate: async () => {
        await this.refuseTakenKeys(keys);
        return undefined;
      },
      highestTaken: async () => {
        const [newest] = await this.orm.em.fork().find(userSchema, {}, { orderBy: { _id: 'desc' }, fields: ['_id'], limit: 1 });
        return newest?._id ?? 0;
      },
    });
  }

  async findById(userId: number): Promise<StoredUser | null> {
    const found = await this.orm.em.fork().findOne(userSchema, { _id: userId });
    return found === null ? null : toStoredUser(found);
  }

  /** One `$in` query sorted by `_id`; the driver answers each matching document once. */
  async findManyByIds(userIds: readonly number[]): Promise<StoredUser[]> {
    if (userIds.length === 0) return [];
    const found = await this.orm.em.fork().find(userSchema, { _id: { $in: [...new Set(userIds)] } }, { orderBy: { _id: 'asc' } });
    return found.map(toStoredUser);
  }

  async findByUsername(username: string): Promise<StoredUser | null> {
    const found = await this.orm.em.fork().findOne(userSchema, { usernameKey: username.toLowerCase() });
    return found === null ? null : toStoredUser(found);
  }

  /** A range on the unique `usernameKey` index: keys are ASCII, so every key with the prefix sorts below prefix + U+FFFF. */
  async findByUsernamePrefix(prefix: string, limit: number): Promise<StoredUser[]> {
    const low = prefix.toLowerCase();
    const found = await this.orm.em
      .fork()
      .find(userSchema, { usernameKey: { $gte: low, $lt: `${low}\uffff` } }, { orderBy: { usernameKey: 'asc' }, limit });
    return found.map(toStoredUser);
  }

  /** Throws USERS_USERNAME_TAKEN (checked first) or USERS_EMAIL_TAKEN when a stored user has either key. */
  private async refuseTakenKeys(keys: { usernameKey: string; emailKey: string }): Promise<void> {
    const holders = await this.orm.em
      .fork()
      .find(userSchema, { $or: [{ usernameKey: keys.usernameKey }, { emailKey: keys.emailKey }] }, { fields: ['usernameKey'], limit: 2 });
    if (holders.some((holder) => holder.usernameKey === keys.usernameKey)) throw UsersErrors.usernameTaken();
    if (holders.length > 0) throw UsersErrors.emailTaken();
  }
}

const toStoredUser = (document: UserDocument): StoredUser => ({
  userId: document._id,
  username: document.username,
  email: document.email,
  passwordHash: document.passwordHash,
  createdAt: document.createdAt.toISOString(),
});
