import { areaOf, productionSources, type SourceFile } from './source-imports';

/**
 * The dependency rules of the modular monolith. Each names the files it covers and
 * what they may not import; a violation lists `file -> import`.
 */
const sources = productionSources(['modules', 'src']);

const INFRASTRUCTURE_PACKAGES = [
  'fastify',
  '@fastify/websocket',
  'mercurius',
  'graphql',
  'ws',
  '@grpc/grpc-js',
  '@grpc/proto-loader',
  '@grpc/reflection',
  'grpc-health-check',
  'amqplib',
  'ioredis',
  '@mikro-orm/core',
  '@mikro-orm/mongodb',
  'awilix',
  'bcryptjs',
  'pino',
];

const violations = (files: SourceFile[], forbidden: (imported: string) => boolean): string[] =>
  files.flatMap((file) => file.imports.filter(forbidden).map((imported) => `${file.path} -> ${imported}`));

const under = (...prefixes: string[]) => (path: string) => prefixes.some((prefix) => path.startsWith(prefix));
const filesUnder = (...prefixes: string[]) => sources.filter((file) => under(...prefixes)(file.path));

describe('module boundaries', () => {
  it('finds the sources it checks', () => {
    expect(filesUnder('modules/users/').length).toBeGreaterThan(5);
    expect(filesUnder('modules/chat/').length).toBeGreaterThan(5);
    expect(filesUnder('src/gateway/').length).toBeGreaterThan(5);
  });

  it('the gateway imports only module contracts and the kernel from the modules, and nothing of the composition', () => {
    const allowedModules = /^modules\/(users\/contracts|chat\/contracts|kernel)(\/index)?$|^modules\/(users\/contracts|chat\/contracts)\//;
    expect(
      violations(filesUnder('src/gateway/'), (imported) =>
        imported.startsWith('modules/')
          ? !allowedModules.test(imported) || imported.startsWith('modules/kernel/adapters')
          : under('src/composition', 'src/roles', 'src/platform')(imported),
      ),
    ).toEqual([]);
  });

  it('an import that leaves its module or src folder names it by its package-style alias (@chatterroom/...), not by ../../', () => {
    const climbing = sources.flatMap((file) =>
      file.relativeImports.filter((target) => areaOf(target) !== areaOf(file.path)).map((target) => `${file.path} -> ${target}`),
    );
    expect(climbing).toEqual([]);
  });

  it('users never imports chat', () => {
    expect(violations(filesUnder('modules/users/'), under('modules/chat'))).toEqual([]);
  });

  it('chat reaches the users module only through its contracts', () => {
    expect(
      violations(filesUnder('modules/chat/'), (imported) => imported.startsWith('modules/users') && !imported.startsWith('modules/users/contracts')),
    ).toEqual([]);
  });

  it('the kernel depends on no module and on nothing in src', () => {
    expect(violations(filesUnder('modules/kernel/'), under('modules/users', 'modules/chat', 'src/'))).toEqual([]);
  });

  it('domain, application, contracts and ports import no infrastructure package, adapter or platform code', () => {
    const pure = sources.filter((file) => /^modules\/(users|chat)\/(domain|application|contracts|ports)\//.test(file.path) || /^modules\/kernel\/[^/]+$/.test(file.path));
    expect(
      violations(pure, (imported) => INFRASTRUCTURE_PACKAGES.includes(imported) || /\/adapters(\/|$)/.test(imported) || imported.startsWith('src/')),
    ).toEqual([]);
  });

  it('only registrations and composition roots import awilix', () => {
    const allowed = (path: string) => path.endsWith('.registrations.ts') || path.startsWith('src/composition/') || path.startsWith('src/roles/');
    expect(violations(sources.filter((file) => !allowed(file.path)), (imported) => imported === 'awilix')).toEqual([]);
  });

  it('adapters are chosen only by registrations, composition roots and roles', () => {
    const allowed = (file: SourceFile, imported: string) =>
      file.path.endsWith('.registrations.ts') ||
      under('src/composition/', 'src/roles/')(file.path) ||
      // an adapter may use its own module's adapters (e.g. a cache over the durable store)
      imported.split('/adapters')[0] === file.path.split('/adapters')[0];
    expect(
      sources.flatMap((file) =>
        file.imports.filter((imported) => /^modules\/[^/]+\/adapters/.test(imported) && !allowed(file, imported)).map((imported) => `${file.path} -> ${imported}`),
      ),
    ).toEqual([]);
  });

  it('only the gRPC clients read the caller credential; the gateway only sets it', () => {
    const readers = sources.filter((file) => /CallerCredential\.current\(/.test(file.text)).map((file) => file.path);
    expect(readers).toEqual(['src/platform/grpc/grpc-call-credentials.ts']);
  });

  it('only the entry point reads the environment, so nothing else can tell which deployment it runs in', () => {
    const readers = sources.filter((file) => /process\.env\b/.test(file.text)).map((file) => file.path);
    expect(readers).toEqual(['src/main.ts']);
  });

  it('test kits live under test/, so src and modules hold only what ships and its specs', () => {
    expect(sources.filter((file) => /\.testing\.ts$|\/testing\//.test(file.path)).map((file) => file.path)).toEqual([]);
    expect(violations(sources, (imported) => imported.startsWith('test/'))).toEqual([]);
  });

  it('no code outside main, roles and composition mentions a deployment mode', () => {
    const modeWords = /\b(APP_ROLE|CHATTERROOM_ROLE|isSplit|isMonolith|deploymentMode)\b|['"](monolith|split)['"]/;
    const allowed = under('src/main.ts', 'src/roles/', 'src/composition/');
    expect(sources.filter((file) => !allowed(file.path) && modeWords.test(file.text)).map((file) => file.path)).toEqual([]);
  });
});
