import { userSchema } from './user.schema';

export { MikroOrmUserRepository } from './mikro-orm-user.repository';
export { userSchema, type UserDocument } from './user.schema';

/** The users module's MikroORM schemas, for `createMongoOrm({ entities })`. */
export const usersEntities = [userSchema] as const;
