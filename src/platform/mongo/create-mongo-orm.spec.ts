import { DEFAULT_DATABASE, databaseNameOf } from './create-mongo-orm';

describe('databaseNameOf', () => {
  it('reads the database from the URL path', () => {
    expect(databaseNameOf('mongodb://127.0.0.1:27017/chat_db')).toBe('chat_db');
    expect(databaseNameOf('mongodb://user:pw@127.0.0.1:27017/users?authSource=admin')).toBe('users');
  });

  it('reads it from multi-host and SRV URLs too', () => {
    expect(databaseNameOf('mongodb://a:27017,b:27017,c:27017/chat?replicaSet=rs0')).toBe('chat');
    expect(databaseNameOf('mongodb+srv://cluster.example.com/users')).toBe('users');
  });

  it('falls back to the default database when the URL names none', () => {
    expect(databaseNameOf('mongodb://127.0.0.1:27017')).toBe(DEFAULT_DATABASE);
    expect(databaseNameOf('mongodb://127.0.0.1:27017/')).toBe(DEFAULT_DATABASE);
    expect(databaseNameOf('mongodb://127.0.0.1:27017/?retryWrites=false')).toBe(DEFAULT_DATABASE);
  });
});
