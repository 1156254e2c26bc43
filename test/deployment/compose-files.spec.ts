import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { roleConfigReaders } from '../../src/roles/role-configs';
import {
  containerPorts,
  dependenciesOf,
  environmentOf,
  healthcheckCommand,
  isRole,
  loadCompose,
  repoRoot,
  roleOf,
  runsOurImage,
  recordingEnv,
  type ComposeFile,
} from './compose-model';
import { BACKING_URL_VARIABLES, GRPC_ADDRESS_VARIABLES, TEST_COMPOSE_VARS, roleListener } from './role-listening';

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.split.yml'] as const;

const appServices = (compose: ComposeFile) => Object.entries(compose.services).filter(([, service]) => runsOurImage(service));

describe.each(COMPOSE_FILES)('%s', (file) => {
  const compose = loadCompose(file, TEST_COMPOSE_VARS);
  const services = appServices(compose);
  const named = (name: string) => compose.services[name];

  it('runs our image in at least one service, each with a known role', () => {
    expect(services.length).toBeGreaterThan(0);
    for (const [name, service] of services) expect({ name, role: roleOf(service), known: isRole(roleOf(service)) }).toMatchObject({ known: true });
  });

  describe.each(appServices(loadCompose(file, TEST_COMPOSE_VARS)))('service %s', (name, service) => {
    const role = roleOf(service);
    const environment = environmentOf(service);
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
        const [host = '', port = ''] = address.split(':');
        const target = named(host);
        expect({ variable, host, exists: target !== undefined }).toEqual({ variable, host, exists: true });
        if (target === undefined) continue;
        expect(roleOf(target)).toBe(servingRole);
        expect(Number(port)).toBe(roleListener(servingRole, environmentOf(target)).port);
        expect(dependenciesOf(service)[host]).toBe('service_healthy');
      }
    });

    it('uses Mongo, Redis and RabbitMQ URLs that point at such services in this file, and waits for them', () => {
      for (const [variable, imageFamily] of Object.entries(BACKING_URL_VARIABLES)) {
        const url = environment[variable];
        if (url === undefined) continue;
        const host = new URL(url).hostname;
        expect({ variable, image: named(host)?.image?.split(':')[0] }).toEqual({ variable, image: imageFamily });
        expect(dependenciesOf(service)[host]).toBe('service_healthy');
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

  it('runs the monolith on port 3000 with MongoDB persistence', () => {
    const [[, app] = []] = appServices(compose);
    expect(roleOf(app ?? {})).toBe('monolith');
    expect(environmentOf(app ?? {}).MONGO_URL).toBe('mongodb://mongo:27017/chatterroom');
    expect(containerPorts(app ?? {}).published).toEqual([3000]);
    expect(compose.services.mongo?.volumes).toEqual(['mongo-data:/data/db']);
  });

  it('starts without any secret for tokens (the monolith makes its own signing keys)', () => {
    expect(() => loadCompose('docker-compose.yml', {})).not.toThrow();
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

  it('gives each service its own MongoDB', () => {
    const [[, users] = []] = servicesOfRole('user-service');
    const [[, chat] = []] = servicesOfRole('chat-service');
    const usersHost = new URL(environmentOf(users ?? {}).USERS_MONGO_URL ?? '').hostname;
    const chatHost = new URL(environmentOf(chat ?? {}).CHAT_MONGO_URL ?? '').hostname;
    expect([usersHost, chatHost]).toEqual(['users-mongo', 'chat-mongo']);
  });

  it('shares no token secret: the user-service alone signs, with keys it keeps itself', () => {
    for (const [, service] of appServices(compose)) expect(environmentOf(service)).not.toHaveProperty('JWT_SECRET');
  });

  it('mounts the load balancer config from deploy/nginx', () => {
    const [mount] = compose.services.lb?.volumes ?? [];
    expect(mount).toBe('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(existsSync(join(repoRoot, 'deploy/nginx/nginx.conf'))).toBe(true);
  });
});
