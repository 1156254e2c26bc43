import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_VARIABLES } from '@chatterroom/platform/config/secret-variables';
import { readChatServiceConfig, readGatewayConfig, readUserServiceConfig, roleConfigReaders } from '@chatterroom/roles/role-configs';
import {
  containerPorts,
  dependenciesOf,
  environmentOf,
  healthcheckCommand,
  isRole,
  loadCompose,
  loadComposeSetup,
  repoRoot,
  roleOf,
  runsOurImage,
  recordingEnv,
  runtimeEnvironmentOf,
  secretMountsOf,
  withSecretValues,
  type ComposeFile,
} from './compose-model';
import { grpcTargetsOf, hostAndPortOf } from '@chatterroom/platform/grpc/grpc-targets';
import { BACKING_URL_VARIABLES, GRPC_ADDRESS_VARIABLES, TEST_COMPOSE_VARS, roleListener } from './role-listening';

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yml + docker-compose.mongo.yml', 'docker-compose.split.yml'] as const;

const appServices = (compose: ComposeFile) => Object.entries(compose.services).filter(([, service]) => runsOurImage(service));

/** Variables that name a mounted file: secrets, the service token, the gRPC TLS certificates and keys. */
const FILE_VARIABLES = [
  ...SECRET_VARIABLES.map((name) => `${name}_FILE`),
  'SERVICE_TOKEN_FILE',
  'GRPC_TLS_CERT_FILE',
  'GRPC_TLS_KEY_FILE',
  'GRPC_TLS_CA_FILE',
  'GRPC_TLS_CLIENT_CERT_FILE',
  'GRPC_TLS_CLIENT_KEY_FILE',
];

/** The secret files as scripts/deploy/make-secrets.sh makes them for an operator. */
const SECRETS_DIR = mkdtempSync(join(tmpdir(), 'chatterroom-compose-secrets-'));
execFileSync('bash', [join(repoRoot, 'scripts/deploy/make-secrets.sh'), SECRETS_DIR], { stdio: 'ignore' });

describe.each(COMPOSE_FILES)('%s', (file) => {
  const compose = loadComposeSetup(file, TEST_COMPOSE_VARS);
  const services = appServices(compose);
  const named = (name: string) => compose.services[name];

  it('runs our image in at least one service, each with a known role', () => {
    expect(services.length).toBeGreaterThan(0);
    for (const [name, service] of services) expect({ name, role: roleOf(service), known: isRole(roleOf(service)) }).toMatchObject({ known: true });
  });

  describe.each(appServices(loadComposeSetup(file, TEST_COMPOSE_VARS)))('service %s', (name, service) => {
    const role = roleOf(service);
    const environment = runtimeEnvironmentOf(compose, service, SECRETS_DIR);
    const resolved = withSecretValues(environment);
    const listener = () => (isRole(role) ? roleListener(role, environment) : undefined);

    it("satisfies its role's config reader, and sets only variables the reader reads", () => {
      if (!isRole(role)) throw new Error(`${name}: unknown role ${role}`);
      const { env, read } = recordingEnv(environment);
      expect(() => roleConfigReaders[role](env)).not.toThrow();
      expect(Object.keys(environment).filter((variable) => !read.has(variable))).toEqual([]);
    });

    it('declares exactly the port its role listens on', () => {
      const { published, exposed } = containerPorts(service);
      const declared = [...published, ...exposed];
      expect(declared.length).toBeGreaterThan(0);
      expect(new Set(declared)).toEqual(new Set([listener()?.port]));
    });

    it('has a health check probing its own protocol and port', () => {
      const probe = listener();
      const command = healthcheckCommand(service);
      expect(command.slice(0, 3)).toEqual(['CMD', 'node', `deploy/healthcheck/${probe?.protocol}-health-check.cjs`]);
      expect(command[3]).toBe(String(probe?.port));
      expect(existsSync(join(repoRoot, command[2] ?? ''))).toBe(true);
    });

    it('dials gRPC addresses served by the right role on its gRPC port, and waits for it', () => {
      for (const [variable, servingRole] of Object.entries(GRPC_ADDRESS_VARIABLES)) {
        const address = environment[variable];
        if (address === undefined) continue;
        const targets = grpcTargetsOf(address) ?? [];
        expect({ variable, targets: targets.length }).toEqual({ variable, targets: 1 });
        const { host, port } = hostAndPortOf(targets[0] ?? '');
        const target = named(host);
        expect({ variable, host, exists: target !== undefined }).toEqual({ variable, host, exists: true });
        if (target === undefined) continue;
        expect(roleOf(target)).toBe(servingRole);
        expect(Number(port)).toBe(roleListener(servingRole, runtimeEnvironmentOf(compose, target, SECRETS_DIR)).port);
        expect(dependenciesOf(service)[host]).toBe('service_healthy');
      }
    });

    it('uses Mongo, Redis and RabbitMQ URLs that point at such services in this file, and waits for them', () => {
      for (const [variable, imageFamily] of Object.entries(BACKING_URL_VARIABLES)) {
        const url = resolved[variable];
        if (url === undefined) continue;
        const host = new URL(url).hostname;
        expect({ variable, image: named(host)?.image?.split(':')[0] }).toEqual({ variable, image: imageFamily });
        expect(dependenciesOf(service)[host]).toBe('service_healthy');
      }
    });

    it('holds no secret in its environment: secrets come as files (<NAME>_FILE) from mounted Docker secrets', () => {
      const plain = environmentOf(service);
      for (const variable of SECRET_VARIABLES) {
        const value = plain[variable];
        if (value === undefined) continue;
        expect({ variable, credentials: variable === 'JWT_SECRET' || new URL(value).password !== '' }).toEqual({ variable, credentials: false });
      }
      const mounts = secretMountsOf(service);
      for (const [variable, path] of Object.entries(plain).filter(([variable]) => variable.endsWith('_FILE'))) {
        expect({ variable, secret: FILE_VARIABLES.includes(variable), mounted: Object.values(mounts).includes(path) }).toEqual({
          variable,
          secret: true,
          mounted: true,
        });
      }
    });

    it('restarts by itself', () => {
      expect(service).toHaveProperty('restart', 'unless-stopped');
    });
  });

  it('depends only on services that exist, waiting for health only where a health check exists', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [target, condition] of Object.entries(dependenciesOf(service))) {
        expect({ name, target, exists: named(target) !== undefined }).toEqual({ name, target, exists: true });
        if (condition === 'service_healthy') expect({ target, healthcheck: healthcheckCommand(named(target) ?? {}).length > 0 }).toEqual({ target, healthcheck: true });
      }
    }
  });

  it('gives every service a health check and declares every named volume it mounts', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, healthcheck: healthcheckCommand(service).length > 0 }).toEqual({ name, healthcheck: true });
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source === undefined || source.startsWith('.') || source.startsWith('/')) continue;
        expect(declared).toContain(source);
      }
    }
  });
});


describe('docker-compose.yml (monolith)', () => {
  const compose = loadCompose('docker-compose.yml', TEST_COMPOSE_VARS);

  it('runs the monolith on port 3000 with SQLite in a named volume at DATA_DIR, and nothing else', () => {
    const [[, app] = []] = appServices(compose);
    expect(roleOf(app ?? {})).toBe('monolith');
    expect(environmentOf(app ?? {})).toMatchObject({ STORAGE: 'sqlite', DATA_DIR: '/app/data' });
    expect(environmentOf(app ?? {}).MONGO_URL).toBeUndefined();
    expect(app?.volumes).toEqual(['chatterroom-data:/app/data']);
    expect(Object.keys(compose.volumes ?? {})).toEqual(['chatterroom-data']);
    expect(containerPorts(app ?? {}).published).toEqual([3000]);
    expect(Object.keys(compose.services)).toEqual(['app']);
  });

  it('starts without any secret for tokens (the monolith makes its own signing keys)', () => {
    const [[, app] = []] = appServices(loadCompose('docker-compose.yml', {}));
    expect(Object.keys(environmentOf(app ?? {})).filter((name) => name.startsWith('JWT_'))).toEqual([]);
    expect(compose.secrets ?? {}).toEqual({});
  });

  it('switches to MongoDB with docker-compose.mongo.yml: STORAGE=mongo, MONGO_URL on its mongo service, waited for', () => {
    const withMongo = loadComposeSetup('docker-compose.yml + docker-compose.mongo.yml', TEST_COMPOSE_VARS);
    const app = withMongo.services.app ?? {};
    expect(roleConfigReaders.monolith(runtimeEnvironmentOf(withMongo, app, SECRETS_DIR))).toMatchObject({ storage: { kind: 'mongo', mongoUrl: 'mongodb://mongo:27017/chatterroom' } });
    expect(dependenciesOf(app)).toEqual({ mongo: 'service_healthy' });
    expect(withMongo.services.mongo?.volumes).toEqual(['mongo-data:/data/db']);
  });
});

describe('docker-compose.split.yml', () => {
  const compose = loadCompose('docker-compose.split.yml', TEST_COMPOSE_VARS);
  const servicesOfRole = (role: string) => appServices(compose).filter(([, service]) => roleOf(service) === role);

  it('runs the gateway, the user-service and the chat-service, once each as services', () => {
    expect(appServices(compose).map(([, service]) => roleOf(service)).sort()).toEqual(['chat-service', 'gateway', 'user-service']);
  });

  it('lets the gateway scale: no container name, no host port, reached through the load balancer', () => {
    const [[name, gateway] = []] = servicesOfRole('gateway');
    expect(gateway).not.toHaveProperty('container_name');
    expect(gateway?.ports ?? []).toEqual([]);
    expect(dependenciesOf(compose.services.lb ?? {})).toEqual({ [name ?? '']: 'service_healthy' });
    expect(containerPorts(compose.services.lb ?? {}).published).toEqual([80]);
  });

  it('runs chat-service replicas behind its one name, which every client dials as dns:/// (all addresses, round-robin)', () => {
    const [[name, chat] = []] = servicesOfRole('chat-service');
    expect(chat).not.toHaveProperty('container_name');
    expect(chat?.ports ?? []).toEqual([]);
    expect(chat?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    const [[, gateway] = []] = servicesOfRole('gateway');
    expect(environmentOf(gateway ?? {}).CHAT_GRPC_ADDRESS).toBe(`dns:///${name}:50052`);
    for (const [, service] of appServices(compose)) {
      const users = environmentOf(service).USERS_GRPC_ADDRESS;
      if (users !== undefined) expect(users).toMatch(/^dns:\/\/\//);
    }
  });

  it('gives each service its own MongoDB', () => {
    const [[, users] = []] = servicesOfRole('user-service');
    const [[, chat] = []] = servicesOfRole('chat-service');
    const usersHost = new URL(environmentOf(users ?? {}).USERS_MONGO_URL ?? '').hostname;
    const chatHost = new URL(environmentOf(chat ?? {}).CHAT_MONGO_URL ?? '').hostname;
    expect([usersHost, chatHost]).toEqual(['users-mongo', 'chat-mongo']);
  });

  it('shares no token secret: the user-service alone signs, with keys it keeps itself', () => {
    for (const [, service] of appServices(compose)) {
      expect(Object.keys(environmentOf(service)).filter((name) => name.startsWith('JWT_'))).toEqual([]);
      expect(secretMountsOf(service)).not.toHaveProperty('jwt_secret');
    }
    expect(compose.secrets).not.toHaveProperty('jwt_secret');
  });

  it("gives RabbitMQ its account from a secret file, the same password the services' AMQP_URL carries", () => {
    expect(secretMountsOf(compose.services.rabbitmq ?? {})).toEqual({ rabbitmq_credentials: '/etc/rabbitmq/conf.d/90-chatterroom-credentials.conf' });
    expect(compose.services.rabbitmq?.environment).toBeUndefined();
    const conf = readFileSync(join(SECRETS_DIR, (compose.secrets?.rabbitmq_credentials?.file ?? '').split('/').pop() ?? ''), 'utf8');
    const amqp = new URL(readFileSync(join(SECRETS_DIR, 'amqp_url'), 'utf8').trim());
    expect(conf).toContain(`default_user = ${amqp.username}\n`);
    expect(conf).toContain(`default_pass = ${amqp.password}\n`);
    expect(amqp.password.length).toBeGreaterThanOrEqual(24);
  });

  it('runs every gRPC channel over mTLS with the certificates it mounts as secrets', () => {
    const envOf = (role: string) => runtimeEnvironmentOf(compose, servicesOfRole(role)[0]?.[1] ?? {}, SECRETS_DIR);
    const users = readUserServiceConfig(envOf('user-service'));
    const chat = readChatServiceConfig(envOf('chat-service'));
    const gateway = readGatewayConfig(envOf('gateway'));
    expect([users.grpcSecurity.tls?.clientCa, chat.grpcSecurity.tls?.clientCa]).toEqual([expect.any(Buffer), expect.any(Buffer)]);
    expect([chat.grpcClientTls?.certChain, gateway.grpcClientTls?.certChain]).toEqual([expect.any(Buffer), expect.any(Buffer)]);
  });

  it('gives the user-service and the chat-service one service token, and the gateway none', () => {
    const envOf = (role: string) => runtimeEnvironmentOf(compose, servicesOfRole(role)[0]?.[1] ?? {}, SECRETS_DIR);
    const users = readUserServiceConfig(envOf('user-service')).grpcSecurity.serviceToken;
    expect(readChatServiceConfig(envOf('chat-service')).grpcSecurity.serviceToken).toBe(users);
    expect(Object.keys(envOf('gateway')).filter((name) => name.startsWith('SERVICE_TOKEN'))).toEqual([]);
  });

  it('keeps the gRPC ports on the compose network: no host port', () => {
    for (const role of ['user-service', 'chat-service']) {
      const [[, service] = []] = servicesOfRole(role);
      expect({ role, published: containerPorts(service ?? {}).published }).toEqual({ role, published: [] });
    }
  });

  it('mounts the load balancer config from deploy/nginx', () => {
    const [mount] = compose.services.lb?.volumes ?? [];
    expect(mount).toBe('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(existsSync(join(repoRoot, 'deploy/nginx/nginx.conf'))).toBe(true);
  });
});
