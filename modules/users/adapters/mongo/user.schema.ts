import { EntitySchema } from '@mikro-orm/core';

/** A user in the `users` collection; `_id` is the userId, the `*Key` fields are lower-cased. */
export interface UserDocument {
  _id: number;
  username: string;
  usernameKey: string;
  email: string;
  emailKey: string;
  passwordHash: string;
  createdAt: Date;
}

export const userSchema = new EntitySchema<UserDocument>({
  name: 'UserDocument',
  collection: 'users',
  properties: {
    _id: { type: 'number', primary: true },
    username: { type: 'string' },
    usernameKey: { type: 'string' },
    email: { type: 'string' },
    emailKey: { type: 'string' },
    passwordHash: { type: 'string' },
    createdAt: { type: 'Date' },
  },
  uniques: [
    { name: 'users_username_key_unique', properties: ['usernameKey'] },
    { name: 'users_email_key_unique', properties: ['emailKey'] },
  ],
});
