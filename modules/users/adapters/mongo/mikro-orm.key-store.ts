import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';
import type { KeyStore, StoredSigningKey } from '../../ports';
import { signingKeySchema, type SigningKeyDocument } from './session.schemas';

/**
 * {@link KeyStore} on MongoDB through MikroORM: one `signing_keys` document per key, `_id`
 * the kid. The private JWK is stored as is: the user service's database is as secret as
 * the keys themselves (only the users module reads it).
 */
export class MikroOrmKeyStore implements KeyStore {
  constructor(private readonly deps: { mongoOrm: MikroORM }) {}

  async add(key: StoredSigningKey): Promise<void> {
    const document: SigningKeyDocument = {
      _id: key.kid,
      publicJwk: { ...key.publicJwk },
      privateJwk: { ...key.privateJwk },
      createdAt: new Date(key.createdAt),
    };
    try {
      await this.collection().insertOne(document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async list(): Promise<StoredSigningKey[]> {
    const documents = await this.collection().find({}).sort({ createdAt: -1, _id: -1 }).toArray();
    return documents.map((document) => ({
      kid: document._id,
      publicJwk: document.publicJwk,
      privateJwk: document.privateJwk,
      createdAt: document.createdAt.toISOString(),
    }));
  }

  async removeOlderThan(createdBefore: string, keep: readonly string[]): Promise<number> {
    const result = await this.collection().deleteMany({ createdAt: { $lt: new Date(createdBefore) }, _id: { $nin: [...keep] } });
    return result.deletedCount;
  }

  private collection() {
    return this.deps.mongoOrm.em.getCollection<SigningKeyDocument>(signingKeySchema);
  }
}
