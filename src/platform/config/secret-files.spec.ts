import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChatServiceConfig, readGatewayConfig, readMonolithConfig, readUserServiceConfig } from '../../roles/role-configs';
import { readAmqpConfig, readAuthConfig, readOptionalMongoUrl } from './app-config';
import { ConfigError, EnvReader } from './env-reader';
import { SECRET_VARIABLES } from './secret-variables';

const SECRET = 'file-secret-0123456789abcdefghijklmnopqrstuvwxyz';

describe('secrets from <NAME>_FILE', () => {
  let dir: string;
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chatterroom-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads JWT_SECRET from JWT_SECRET_FILE, without the trailing newline', () => {
    const auth = readAuthConfig({ JWT_SECRET_FILE: file('jwt', `${SECRET}\n`) }, { requireSecret: true });
    expect(auth).toMatchObject({ jwtSecret: SECRET, jwtSecretGenerated: false });
  });

  it('reads connection URLs with credentials from files', () => {
    const amqpUrl = 'amqp://app:s3cret-pass@rabbit:5672';
    expect(readAmqpConfig({ AMQP_URL_FILE: file('amqp', amqpUrl) }).url).toBe(amqpUrl);
    expect(readOptionalMongoUrl({ MONGO_URL_FILE: file('mongo', 'mongodb://u:p@db:27017/x\n') }, 'MONGO_URL')).toBe('mongodb://u:p@db:27017/x');
  });

  it('refuses both the variable and its file, naming both', () => {
    const env = { JWT_SECRET: SECRET, JWT_SECRET_FILE: file('jwt', SECRET) };
    expect(() => readAuthConfig(env, { requireSecret: true })).toThrow(
      new ConfigError('JWT_SECRET and JWT_SECRET_FILE are both set: set only one of them'),
    );
  });

  it('refuses a file that cannot be read, naming the variable and the path', () => {
    const missing = join(dir, 'nowhere', 'jwt');
    expect(() => readAuthConfig({ JWT_SECRET_FILE: missing }, { requireSecret: true })).toThrow(
      new ConfigError(`JWT_SECRET_FILE names a file that cannot be read: ${missing} (ENOENT)`),
    );
    expect(() => readAmqpConfig({ AMQP_URL_FILE: dir })).toThrow(new ConfigError(`AMQP_URL_FILE names a file that cannot be read: ${dir} (EISDIR)`));
  });

  it('refuses a file without permission to read it, unless running as root', () => {
    const path = file('locked', SECRET);
    chmodSync(path, 0o000);
    const isRoot = process.getuid?.() === 0;
    const read = () => readAuthConfig({ JWT_SECRET_FILE: path }, { requireSecret: true });
    if (isRoot) expect(read().jwtSecret).toBe(SECRET);
    else expect(read).toThrow(new ConfigError(`JWT_SECRET_FILE names a file that cannot be read: ${path} (EACCES)`));
  });

  it('refuses an empty file', () => {
    const path = file('empty', '\n');
    expect(() => readAuthConfig({ JWT_SECRET_FILE: path }, { requireSecret: true })).toThrow(new ConfigError(`JWT_SECRET_FILE names an empty file: ${path}`));
  });

  it('checks a value from a file like any other, without printing it', () => {
    expect(() => readAuthConfig({ JWT_SECRET_FILE: file('short', 'too-short') }, { requireSecret: true })).toThrow(
      'JWT_SECRET (or JWT_SECRET_FILE) must be at least 32 characters',
    );
    let message = '';
    try {
      readAmqpConfig({ AMQP_URL_FILE: file('bad-url', 'not a url with hunter2') });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^AMQP_URL \(or AMQP_URL_FILE\) must be a URL/);
    expect(message).not.toContain('hunter2');
  });

  it('names the file variable when a required secret is missing', () => {
    expect(() => readAuthConfig({}, { requireSecret: true })).toThrow('JWT_SECRET (or JWT_SECRET_FILE) is required but not set');
    expect(() => readAmqpConfig({})).toThrow('AMQP_URL (or AMQP_URL_FILE) is required but not set');
  });

  it('reads _FILE only for secret variables', () => {
    expect(new EnvReader({ LOG_LEVEL_FILE: file('level', 'debug') }).optional('LOG_LEVEL')).toBeUndefined();
  });

  it('gives every role each of its secrets from files', () => {
    const values: Record<string, string> = {
      JWT_SECRET: SECRET,
      MONGO_URL: 'mongodb://m:pw@db:27017/all',
      USERS_MONGO_URL: 'mongodb://u:pw@db:27017/users',
      CHAT_MONGO_URL: 'mongodb://c:pw@db:27017/chat',
      REDIS_URL: 'redis://:pw@redis:6379',
      AMQP_URL: 'amqp://a:pw@rabbit:5672',
    };
    expect(Object.keys(values).sort()).toEqual([...SECRET_VARIABLES].sort());
    const env = Object.fromEntries(Object.entries(values).map(([name, value]) => [`${name}_FILE`, file(name, `${value}\n`)]));
    const addresses = { USERS_GRPC_ADDRESS: 'users:50051', CHAT_GRPC_ADDRESS: 'chat:50052' };
    const serviceToken = 'service-token-0123456789abcdefghijklmnopqrstuvwxyz';
    const services = { ...env, SERVICE_TOKEN_FILE: file('SERVICE_TOKEN', `${serviceToken}\n`) };
    expect(readMonolithConfig(env)).toMatchObject({ auth: { jwtSecret: SECRET }, storage: { kind: 'mongo', mongoUrl: values.MONGO_URL } });
    expect(readGatewayConfig({ ...env, ...addresses })).toMatchObject({
      auth: { jwtSecret: SECRET },
      amqp: { url: values.AMQP_URL },
      redis: { url: values.REDIS_URL },
    });
    expect(readUserServiceConfig(services)).toMatchObject({
      auth: { jwtSecret: SECRET },
      mongoUrl: values.USERS_MONGO_URL,
      amqp: { url: values.AMQP_URL },
      grpcSecurity: { serviceToken },
    });
    expect(readChatServiceConfig({ ...services, ...addresses })).toMatchObject({
      mongoUrl: values.CHAT_MONGO_URL,
      redis: { url: values.REDIS_URL },
      amqp: { url: values.AMQP_URL },
    });
  });
});
