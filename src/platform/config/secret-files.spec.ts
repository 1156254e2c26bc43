import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChatServiceConfig, readGatewayConfig, readMonolithConfig, readUserServiceConfig } from '@chatterroom/roles/role-configs';
import { readAmqpConfig, readOptionalMongoUrl } from './app-config';
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

  it('reads a secret from its file, without the trailing newline', () => {
    expect(readOptionalMongoUrl({ MONGO_URL_FILE: file('mongo', `mongodb://u:${SECRET}@db:27017/x\n`) }, 'MONGO_URL')).toBe(`mongodb://u:${SECRET}@db:27017/x`);
  });

  it('reads connection URLs with credentials from files', () => {
    const amqpUrl = 'amqp://app:s3cret-pass@rabbit:5672';
    expect(readAmqpConfig({ AMQP_URL_FILE: file('amqp', amqpUrl) }).url).toBe(amqpUrl);
    expect(readOptionalMongoUrl({ MONGO_URL_FILE: file('mongo', 'mongodb://u:p@db:27017/x\n') }, 'MONGO_URL')).toBe('mongodb://u:p@db:27017/x');
  });

  it('refuses both the variable and its file, naming both', () => {
    const amqpUrl = 'amqp://app:pw@rabbit:5672';
    const env = { AMQP_URL: amqpUrl, AMQP_URL_FILE: file('amqp', amqpUrl) };
    expect(() => readAmqpConfig(env)).toThrow(new ConfigError('AMQP_URL and AMQP_URL_FILE are both set: set only one of them'));
  });

  it('refuses a file that cannot be read, naming the variable and the path', () => {
    const missing = join(dir, 'nowhere', 'amqp');
    expect(() => readAmqpConfig({ AMQP_URL_FILE: missing })).toThrow(
      new ConfigError(`AMQP_URL_FILE names a file that cannot be read: ${missing} (ENOENT)`),
    );
    expect(() => readAmqpConfig({ AMQP_URL_FILE: dir })).toThrow(new ConfigError(`AMQP_URL_FILE names a file that cannot be read: ${dir} (EISDIR)`));
  });

  it('refuses a file without permission to read it, unless running as root', () => {
    const amqpUrl = `amqp://app:${SECRET}@rabbit:5672`;
    const path = file('locked', amqpUrl);
    chmodSync(path, 0o000);
    const isRoot = process.getuid?.() === 0;
    const read = () => readAmqpConfig({ AMQP_URL_FILE: path });
    if (isRoot) expect(read().url).toBe(amqpUrl);
    else expect(read).toThrow(new ConfigError(`AMQP_URL_FILE names a file that cannot be read: ${path} (EACCES)`));
  });

  it('refuses an empty file', () => {
    const path = file('empty', '\n');
    expect(() => readAmqpConfig({ AMQP_URL_FILE: path })).toThrow(new ConfigError(`AMQP_URL_FILE names an empty file: ${path}`));
  });

  it('checks a value from a file like any other, without printing it', () => {
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
    expect(() => readAmqpConfig({})).toThrow('AMQP_URL (or AMQP_URL_FILE) is required but not set');
  });

  it('reads _FILE only for secret variables', () => {
    expect(new EnvReader({ LOG_LEVEL_FILE: file('level', 'debug') }).optional('LOG_LEVEL')).toBeUndefined();
  });

  it('gives every role each of its secrets from files', () => {
    const values: Record<string, string> = {
      MONGO_URL: 'mongodb://m:pw@db:27017/all',
      USERS_MONGO_URL: 'mongodb://u:pw@db:27017/users',
      CHAT_MONGO_URL: 'mongodb://c:pw@db:27017/chat',
      REDIS_URL: 'redis://:pw@redis:6379',
      AMQP_URL: 'amqp://a:pw@rabbit:5672',
    };
    expect(Object.keys(values).sort()).toEqual([...SECRET_VARIABLES].sort());
    const env = Object.fromEntries(Object.entries(values).map(([name, value]) => [`${name}_FILE`, file(name, `${value}\n`)]));
    const addresses = { USERS_GRPC_ADDRESS: 'users:50051', CHAT_GRPC_ADDRESS: 'chat:50052' };
    const serviceToken = { SERVICE_TOKEN_FILE: file('service-token', `${SECRET}\n`) };
    expect(readMonolithConfig(env)).toMatchObject({ storage: { kind: 'mongo', mongoUrl: values.MONGO_URL } });
    expect(readGatewayConfig({ ...env, ...addresses })).toMatchObject({ amqp: { url: values.AMQP_URL }, redis: { url: values.REDIS_URL } });
    expect(readUserServiceConfig({ ...env, ...serviceToken })).toMatchObject({ grpcSecurity: { serviceToken: SECRET }, mongoUrl: values.USERS_MONGO_URL, amqp: { url: values.AMQP_URL } });
    expect(readChatServiceConfig({ ...env, ...addresses, ...serviceToken })).toMatchObject({
      grpcSecurity: { serviceToken: SECRET },
      mongoUrl: values.CHAT_MONGO_URL,
      redis: { url: values.REDIS_URL },
      amqp: { url: values.AMQP_URL },
    });
  });
});
