import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { Json } from '@chatterroom/test/harness/system/http-client';
import { repoRoot } from './compose-model';

export const CHART = join(repoRoot, 'deploy', 'helm', 'chatterroom');
/** The Kubernetes version the chart is rendered for (helm built from source assumes an old one). */
export const KUBE_VERSION = '1.33.0';

/**
 * helm and kube-validate, built once from the Go module proxy into .tools/bin by
 * scripts/deploy/kube-tools.sh (which fails naming what is missing).
 */
export const kubeTools = (): { helm: string; validate: string } => {
  const bin = execFileSync('bash', [join(repoRoot, 'scripts', 'deploy', 'kube-tools.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return { helm: join(bin, 'helm'), validate: join(bin, 'kube-validate') };
};

/** The default values (`undefined`) and every example values file of the chart. */
export const valuesFiles = (): (string | undefined)[] => [undefined, ...readdirSync(join(CHART, 'examples')).filter((file) => file.endsWith('.yaml')).map((file) => `examples/${file}`)];

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Json; stringData?: Record<string, string> } & Record<string, Json>;

/** `helm template` of the chart with one values file, as text. */
export const renderChart = (helm: string, values: string | undefined): string => {
  const args = ['template', 'chat', CHART, '--namespace', 'chat', '--kube-version', KUBE_VERSION, ...(values === undefined ? [] : ['-f', join(CHART, values)])];
  const result = spawnSync(helm, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`helm ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

/** `helm lint --strict` of the chart with one values file: exit status and output. */
export const lintChart = (helm: string, values: string | undefined) => {
  const args = ['lint', CHART, '--strict', '--kube-version', KUBE_VERSION, ...(values === undefined ? [] : ['-f', join(CHART, values)])];
  const result = spawnSync(helm, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

/** The ports of the backing services (backends.<family>.port) with a values file over the defaults. */
export const backendPorts = (values: string | undefined): Record<'mongo' | 'redis' | 'rabbitmq', number> => {
  type Backends = Partial<Record<'mongo' | 'redis' | 'rabbitmq', { port?: number }>>;
  const backendsOf = (file: string): Backends => ((parse(readFileSync(join(CHART, file), 'utf8')) as { backends?: Backends } | null)?.backends ?? {});
  const [defaults, chosen] = [backendsOf('values.yaml'), values === undefined ? {} : backendsOf(values)];
  const portOf = (family: 'mongo' | 'redis' | 'rabbitmq') => chosen[family]?.port ?? defaults[family]?.port ?? 0;
  return { mongo: portOf('mongo'), redis: portOf('redis'), rabbitmq: portOf('rabbitmq') };
};

export const objectsOf = (manifest: string): K8sObject[] =>
  parseAllDocuments(manifest)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);

/** kube-validate's verdict on a manifest: exit status and output. */
export const validateManifest = (validate: string, manifest: string) => {
  const result = spawnSync(validate, [], { input: manifest, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

export interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  ports?: { name?: string; containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string }[];
  readinessProbe?: Json;
  livenessProbe?: Json;
  startupProbe?: Json;
  resources?: { requests?: Record<string, string> };
  securityContext?: Json;
}

export interface Workload {
  readonly object: K8sObject;
  readonly container: Container;
  readonly role: string;
  readonly podLabels: Record<string, string>;
  readonly volumes: { name: string; secret?: { secretName: string; items?: { key: string; path: string }[] } }[];
}

/** Every Deployment and StatefulSet container that runs the chatterroom image, with its role. */
export const workloadsOf = (objects: K8sObject[]): Workload[] =>
  objects
    .filter((object) => object.kind === 'Deployment' || object.kind === 'StatefulSet')
    .flatMap((object) =>
      (object.spec.template.spec.containers as Container[])
        .filter((container) => container.image.split(':')[0]?.endsWith('chatterroom'))
        .map((container) => ({
          object,
          container,
          role: container.args?.[0] ?? '',
          podLabels: object.spec.template.metadata.labels as Record<string, string>,
          volumes: object.spec.template.spec.volumes ?? [],
        })),
    );

export const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

/**
 * The container's environment as the process would see it: every `<NAME>_FILE` naming a file
 * of a mounted Secret is pointed at a real file with that Secret's value (`secretFiles`: the
 * Secret's name -> key -> content).
 */
export const materializedEnv = (workload: Workload, secretFiles: (secretName: string) => Record<string, string>): Record<string, string> => {
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-helm-env-'));
  const pathOf = new Map<string, string>();
  for (const mount of workload.container.volumeMounts ?? []) {
    const volume = workload.volumes.find((candidate) => candidate.name === mount.name);
    if (volume?.secret === undefined) continue;
    const content = secretFiles(volume.secret.secretName);
    const folder = join(dir, mount.name);
    mkdirSync(folder);
    const items = volume.secret.items ?? Object.keys(content).map((key) => ({ key, path: key }));
    for (const { key, path } of items) {
      const value = content[key];
      if (value === undefined) throw new Error(`${workload.object.metadata.name}: secret ${volume.secret.secretName} has no key ${key}`);
      writeFileSync(join(folder, path), value);
      pathOf.set(`${mount.mountPath}/${path}`, join(folder, path));
    }
  }
  const env: Record<string, string> = {};
  for (const variable of workload.container.env ?? []) {
    if (variable.value === undefined) throw new Error(`${variable.name}: only literal values and mounted files are used`);
    env[variable.name] = variable.name.endsWith('_FILE') ? (pathOf.get(variable.value) ?? `${variable.value} (not mounted)`) : variable.value;
  }
  return env;
};
