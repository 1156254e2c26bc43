import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { ROLES, type Role } from '@chatterroom/roles/role-configs';

export const repoRoot = join(__dirname, '..', '..');
export const readRepoFile = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

type Scalar = string | number | boolean | null;

/** The parts of the compose specification these tests look at. */
export interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: string | string[];
  readonly environment?: Record<string, Scalar> | string[];
  readonly ports?: (string | number | { target: number })[];
  readonly expose?: (string | number)[];
  readonly depends_on?: string[] | Record<string, { condition?: string }>;
  readonly healthcheck?: { test?: string | string[] };
  readonly container_name?: string;
  readonly volumes?: (string | { type?: string; source?: string; target: string })[];
  readonly secrets?: (string | { source: string; target?: string })[];
  readonly deploy?: { readonly replicas?: number };
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
  readonly secrets?: Record<string, { file?: string; environment?: string }>;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** Resolves `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR?message}` and `$$` as compose does. */
export const interpolate = (text: string, vars: Readonly<Record<string, string>>): string =>
  text.replace(VARIABLE, (whole, name: string | undefined, operator: string | undefined, operand: string | undefined) => {
    if (name === undefined) return '$';
    const value = vars[name];
    const missing = value === undefined || (operator?.startsWith(':') === true && value === '');
    if (!missing) return value;
    if (operator?.endsWith('?')) throw new Error(`compose requires ${name}: ${operand ?? ''} (in ${whole})`);
    return operator?.endsWith('-') ? (operand ?? '') : '';
  });

/** Every variable a compose file refers to with `${...}`. */
export const referencedVariables = (text: string): Set<string> =>
  new Set([...text.matchAll(VARIABLE)].flatMap((match) => (match[1] === undefined ? [] : [match[1]])));

const interpolateAll = (value: unknown, vars: Readonly<Record<string, string>>): unknown => {
  if (typeof value === 'string') return interpolate(value, vars);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateAll(item, vars)]));
  }
  return value;
};

/** Parses a compose file (merge keys included) and resolves its variables with `vars`, as `docker compose config` would. */
export const loadCompose = (path: string, vars: Readonly<Record<string, string>>): ComposeFile =>
  interpolateAll(parse(readRepoFile(path), { merge: true }), vars) as ComposeFile;

/** Services built from this repository, or running its `chatterroom` image. */
export const runsOurImage = (service: ComposeService): boolean =>
  service.build !== undefined || (service.image?.startsWith('chatterroom') ?? false);

/** The role a service runs: the first command argument, or the image's CMD (`monolith`). */
export const roleOf = (service: ComposeService): string => {
  const command = typeof service.command === 'string' ? service.command.split(/\s+/) : service.command;
  return command?.[0] ?? 'monolith';
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const environmentOf = (service: ComposeService): Record<string, string> => {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => [entry.split('=')[0] ?? '', entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, value === null ? '' : String(value)]));
};

/** Container-side ports a service declares, published (`ports`) or internal (`expose`). */
export const containerPorts = (service: ComposeService): { published: number[]; exposed: number[] } => ({
  published: (service.ports ?? []).map((port) => (typeof port === 'object' ? port.target : Number(String(port).split('/')[0]?.split(':').pop()))),
  exposed: (service.expose ?? []).map((port) => Number(String(port).split('/')[0])),
});

export const dependenciesOf = (service: ComposeService): Record<string, string | undefined> => {
  const dependsOn = service.depends_on ?? [];
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, options]) => [name, options.condition]));
};

export const healthcheckCommand = (service: ComposeService): string[] => {
  const test = service.healthcheck?.test ?? [];
  return typeof test === 'string' ? ['CMD-SHELL', test] : test;
};

/** An env object that records every variable a config reader asks for, set or not. */
export const recordingEnv = (env: Readonly<Record<string, string>>) => {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
  });
  return { env: proxy, read };
};

const mergeService = (base: ComposeService, override: ComposeService): ComposeService => {
  const asObject = (dependsOn: ComposeService['depends_on']) =>
    Array.isArray(dependsOn) ? Object.fromEntries(dependsOn.map((name) => [name, {}])) : (dependsOn ?? {});
  const merged: ComposeService = { ...base, ...override, environment: { ...environmentOf(base), ...environmentOf(override) } };
  return base.depends_on === undefined && override.depends_on === undefined
    ? merged
    : { ...merged, depends_on: { ...asObject(base.depends_on), ...asObject(override.depends_on) } };
};

/**
 * Compose files named as `docker compose -f a -f b` takes them ("a + b"): services merged by
 * name, their environment and depends_on merged by key, other keys replaced; volumes and secrets merged.
 */
export const loadComposeSetup = (setup: string, vars: Readonly<Record<string, string>>): ComposeFile =>
  setup
    .split(' + ')
    .map((file) => loadCompose(file, vars))
    .reduce((base, override) => ({
      services: Object.fromEntries(
        [...new Set([...Object.keys(base.services), ...Object.keys(override.services)])].map((name) => {
          const [first, second] = [base.services[name], override.services[name]];
          return [name, first === undefined ? second! : second === undefined ? first : mergeService(first, second)];
        }),
      ),
      volumes: { ...base.volumes, ...override.volumes },
      secrets: { ...base.secrets, ...override.secrets },
    }));

/** The secrets a service mounts, by name, with the path it sees each at (`/run/secrets/<target or name>`). */
export const secretMountsOf = (service: ComposeService): Record<string, string> => {
  const at = (target: string) => (isAbsolute(target) ? target : `/run/secrets/${target}`);
  return Object.fromEntries(
    (service.secrets ?? []).map((secret) =>
      typeof secret === 'string' ? [secret, at(secret)] : [secret.source, at(secret.target ?? secret.source)],
    ),
  );
};

/**
 * A service's environment as its process sees it on this machine: each `<NAME>_FILE` naming a
 * mounted secret is pointed at that secret's file — those of deploy/secrets/ in `secretsDir` (as
 * scripts/deploy/make-secrets.sh makes them), others (the gRPC certificates) where the compose
 * file names them. Throws for a `_FILE` variable naming no secret the service mounts.
 */
export const runtimeEnvironmentOf = (
  compose: ComposeFile,
  service: ComposeService,
  secretsDir = join(repoRoot, 'deploy/secrets'),
): Record<string, string> => {
  const mounts = Object.entries(secretMountsOf(service));
  const hostPath = (file: string) =>
    file.startsWith('./deploy/secrets/') ? join(secretsDir, file.split('/').pop() ?? '') : isAbsolute(file) ? file : join(repoRoot, file);
  return Object.fromEntries(
    Object.entries(environmentOf(service)).map(([name, value]) => {
      if (!name.endsWith('_FILE')) return [name, value];
      const [secret] = mounts.find(([, target]) => target === value) ?? [];
      const file = secret === undefined ? undefined : compose.secrets?.[secret]?.file;
      if (file === undefined) throw new Error(`${name}=${value} is not a file secret this service mounts`);
      return [name, hostPath(file)];
    }),
  );
};

/** The environment with every `<NAME>_FILE` replaced by `<NAME>` holding the file's content. */
export const withSecretValues = (env: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).map(([name, value]) =>
      name.endsWith('_FILE') ? [name.slice(0, -'_FILE'.length), readFileSync(value, 'utf8').trim()] : [name, value],
    ),
  );
