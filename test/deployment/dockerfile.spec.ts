import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHAT_SERVICE_DEFAULT_GRPC_PORT, ROLES, USER_SERVICE_DEFAULT_GRPC_PORT } from '@chatterroom/roles/role-configs';
import { loadCompose, readRepoFile, repoRoot } from './compose-model';
import { TEST_COMPOSE_VARS } from './role-listening';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Dockerfile instructions (continuations joined, comments dropped), grouped by stage. */
const stages = (dockerfile: string): Instruction[][] => {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
};

const args = (stage: Instruction[], keyword: string): string[] => stage.filter((i) => i.keyword === keyword).map((i) => i.args);
const copySources = (stage: Instruction[]): string[] =>
  args(stage, 'COPY')
    .filter((a) => !a.startsWith('--from'))
    .flatMap((a) => a.split(' ').filter((word) => !word.startsWith('--')).slice(0, -1));

describe('Dockerfile', () => {
  const all = stages(readRepoFile('Dockerfile'));
  const build = all[0] ?? [];
  const final = all.at(-1) ?? [];

  it('builds in a separate stage with every dependency, compiling what tsconfig.build.json includes', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(args(build, 'RUN')).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci\b/), 'npm run build']));
    const include = (JSON.parse(readRepoFile('tsconfig.build.json')) as { include: string[] }).include;
    const copied = copySources(build).map((source) => source.replace(/\/$/, ''));
    expect(copied).toEqual(expect.arrayContaining([...include, 'proto', 'tsconfig.json', 'tsconfig.build.json']));
  });

  it('has in its build stage what `npm run build` runs (scripts/build: tsc, then the GraphiQL assets into dist/)', () => {
    const buildScript = (JSON.parse(readRepoFile('package.json')) as { scripts: { build: string } }).scripts.build;
    const copied = copySources(build).map((source) => source.replace(/\/$/, ''));
    expect(buildScript).toMatch(/^node scripts\/build\//);
    expect(copied).toContain('scripts/build');
    // the web client's sources: scripts/build/build-web.mjs bundles them into dist/web
    expect(copied).toContain('web');
  });

  it('runs production dependencies only, as a non-root user, with NODE_ENV=production', () => {
    expect(args(final, 'RUN').some((run) => run.includes('npm ci --omit=dev --ignore-scripts'))).toBe(true);
    expect(args(final, 'ENV')).toContain('NODE_ENV=production');
    const user = args(final, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
  });

  it("gives the node user a writable DATA_DIR, where docker-compose.yml mounts the monolith's volume", () => {
    expect(args(final, 'ENV')).toContain('DATA_DIR=/app/data');
    expect(args(final, 'RUN')).toContain('mkdir -p /app/data && chown node:node /app/data');
    expect(args(final, 'USER').at(-1)).toBe('node');
    const app = loadCompose('docker-compose.yml', TEST_COMPOSE_VARS).services.app;
    expect(app?.volumes).toEqual(['chatterroom-data:/app/data']);
  });

  it('ships the compiled code, the protos and the health check scripts', () => {
    expect(args(final, 'COPY')).toContain('--from=build /app/dist ./dist');
    expect(copySources(final)).toEqual(expect.arrayContaining(['proto', 'deploy/healthcheck']));
  });

  it('starts dist/src/main.js with the role as first argument, the monolith by default', () => {
    expect(JSON.parse(args(final, 'ENTRYPOINT').at(-1) ?? 'null')).toEqual(['node', 'dist/src/main.js']);
    expect((JSON.parse(readRepoFile('package.json')) as { main: string }).main).toBe('dist/src/main.js');
    expect(existsSync(join(repoRoot, 'src/main.ts'))).toBe(true);
    const cmd = JSON.parse(args(final, 'CMD').at(-1) ?? 'null') as string[];
    expect(cmd).toEqual(['monolith']);
    expect(ROLES).toContain(cmd[0]);
  });

  it('exposes the HTTP port and both gRPC ports', () => {
    const exposed = args(final, 'EXPOSE').flatMap((a) => a.split(' ')).map(Number);
    expect(exposed).toEqual(expect.arrayContaining([3000, USER_SERVICE_DEFAULT_GRPC_PORT, CHAT_SERVICE_DEFAULT_GRPC_PORT]));
  });

  it('uses a Node LTS image no older than package.json engines', () => {
    const from = args(build, 'FROM')[0]?.split(' ')[0] ?? '';
    const argName = from.match(/^\$\{(\w+)\}$/)?.[1];
    const image = argName === undefined ? from : readRepoFile('Dockerfile').match(new RegExp(`^ARG ${argName}=(\\S+)`, 'm'))?.[1];
    expect(args(final, 'FROM')[0]?.split(' ')[0]).toBe(from);
    const major = Number(image?.match(/^node:(\d+)-.*slim$/)?.[1]);
    const engines = (JSON.parse(readRepoFile('package.json')) as { engines: { node: string } }).engines.node;
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(Number(engines.match(/(\d+)/)?.[1]));
  });

  it('copies only files that exist and that .dockerignore keeps in the build context', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const source of [...copySources(build), ...copySources(final)]) {
      expect({ source, exists: existsSync(join(repoRoot, source)) }).toEqual({ source, exists: true });
      const hidden = ignored.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`));
      expect({ source, ignoredBy: hidden }).toEqual({ source, ignoredBy: [] });
    }
  });
});
