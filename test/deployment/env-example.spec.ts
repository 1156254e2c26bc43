import { ROLES, roleConfigReaders } from '@chatterroom/roles/role-configs';
import { readRepoFile, recordingEnv, referencedVariables } from './compose-model';
import { TRACING_VARIABLES } from '@chatterroom/platform/tracing/start-tracing';

/** A valid value for every variable of every role, so each reader runs to its end and asks for all of them. */
const FULL_ENV: Readonly<Record<string, string>> = {
  LOG_LEVEL: 'info',
  HOST: '0.0.0.0',
  PORT: '3000',
  ACCESS_TOKEN_TTL_SECONDS: '900',
  REFRESH_TOKEN_TTL_SECONDS: '86400',
  SIGNING_KEY_ROTATION_SECONDS: '86400',
  TOKEN_CLOCK_TOLERANCE_SECONDS: '5',
  SESSION_CHECK_CACHE_SECONDS: '30',
  BCRYPT_COST: '10',
  MONGO_URL: 'mongodb://127.0.0.1:27017/chatterroom',
  USERS_MONGO_URL: 'mongodb://127.0.0.1:27017/users',
  CHAT_MONGO_URL: 'mongodb://127.0.0.1:27017/chat',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
  GRPC_HOST: '0.0.0.0',
  GRPC_PORT: '50051',
  USERS_GRPC_ADDRESS: '127.0.0.1:50051',
  CHAT_GRPC_ADDRESS: '127.0.0.1:50052',
  GRPC_DEADLINE_MS: '5000',
  SERVICE_TOKEN: 'env-example-service-token-0123456789abcdefghij',
};

/** Read by src/main.ts itself (the role when no argument names one), not by a config reader. */
const ENTRYPOINT_VARIABLES = ['CHATTERROOM_ROLE', ...TRACING_VARIABLES];

/** `NAME=value` and commented `# NAME=value` lines of .env.example. */
const documented = (): Map<string, string> =>
  new Map(
    [...readRepoFile('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]),
  );

const variablesReadByRoles = (): Set<string> => {
  const read = new Set<string>();
  for (const role of ROLES) {
    const recording = recordingEnv(FULL_ENV);
    roleConfigReaders[role](recording.env);
    for (const name of recording.read) read.add(name);
  }
  return read;
};

const composeVariables = (): Set<string> =>
  new Set(['docker-compose.yml', 'docker-compose.mongo.yml', 'docker-compose.split.yml'].flatMap((file) => [...referencedVariables(readRepoFile(file))]));

describe('.env.example', () => {
  it('documents every variable any role reads', () => {
    const missing = [...variablesReadByRoles()].filter((name) => !documented().has(name));
    expect(missing).toEqual([]);
  });

  it('documents every variable the compose files take from the environment', () => {
    expect([...composeVariables()].filter((name) => !documented().has(name))).toEqual([]);
  });

  it('documents nothing that neither a role, main nor compose reads', () => {
    const known = new Set([...variablesReadByRoles(), ...ENTRYPOINT_VARIABLES, ...composeVariables()]);
    expect([...documented().keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('shows no value for a variable some role requires: `# NAME=value` is a default, and required ones have none', () => {
    const required = new Set<string>();
    for (const role of ROLES) {
      for (const name of Object.keys(FULL_ENV)) {
        const withoutIt = Object.fromEntries(Object.entries(FULL_ENV).filter(([variable]) => variable !== name));
        try {
          roleConfigReaders[role](withoutIt);
        } catch {
          required.add(name);
        }
      }
    }
    expect(required.size).toBeGreaterThan(3);
    expect([...required].filter((name) => (documented().get(name) ?? '') !== '')).toEqual([]);
  });

  it('gives example values every role accepts', () => {
    const examples = Object.fromEntries([...documented()].filter(([, value]) => value !== ''));
    for (const role of ROLES) expect(() => roleConfigReaders[role]({ ...FULL_ENV, ...examples })).not.toThrow();
  });
});
