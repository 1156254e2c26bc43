import { SECRET_VARIABLES } from '@chatterroom/platform/config/secret-variables';
import { isRole, recordingEnv } from './compose-model';
import { makeDevCerts } from '@chatterroom/test/harness/dev-certs';
import {
  backendPorts, kubeTools, lintChart, materializedEnv, objectsOf, renderChart, selects, validateManifest, valuesFiles, workloadsOf, type K8sObject, type Workload,
} from './helm-model';
import { BACKING_URL_VARIABLES, GRPC_ADDRESS_VARIABLES, roleListener } from './role-listening';
import { roleConfigReaders } from '@chatterroom/roles/role-configs';

/*
 * The Helm chart (deploy/helm/chatterroom), rendered by `helm template` with its default
 * values and with every example values file: every object is a valid Kubernetes object
 * (kube-validate: strict decoding into the API types), every container's environment passes
 * its role's real config reader with the chart's Secrets mounted as files, and the objects
 * fit together (Services, probes, gRPC addresses, autoscaling, disruption budgets, network policies).
 */

jest.setTimeout(600_000);

const tools = kubeTools();
const certs = makeDevCerts();
afterAll(() => certs.remove());

/** Values for a Secret the chart does not make (secrets.existingSecret): what an operator would put in it. */
const EXTERNAL_SECRET: Record<string, string> = {
  'amqp-url': 'amqp://chatterroom:secret@rabbitmq:5672',
  'redis-url': 'redis://redis:6379',
  'users-mongo-url': 'mongodb://users-mongo:27017/chatterroom_users',
  'chat-mongo-url': 'mongodb://chat-mongo:27017/chatterroom_chat',
  'mongo-url': 'mongodb://mongo:27017/chatterroom',
  'service-token': 'an-operator-made-service-token-0123456789abcdef',
};

/** A cert-manager style TLS Secret for a role, from the development certificates. */
const tlsSecretFor = (role: string): Record<string, string> => {
  const name = role === 'gateway' ? 'gateway' : role;
  return { 'tls.crt': certs.read(`${name}.crt`).toString(), 'tls.key': certs.read(`${name}.key`).toString(), 'ca.crt': certs.read('ca.crt').toString() };
};

const ports = (workload: Workload) => (workload.container.ports ?? []).filter((port) => port.name !== 'metrics').map((port) => port.containerPort);
const metricsPorts = (workload: Workload) => (workload.container.ports ?? []).filter((port) => port.name === 'metrics').map((port) => port.containerPort);

describe.each(valuesFiles())('the chart with %s values', (valuesFile) => {
  const manifest = renderChart(tools.helm, valuesFile);
  const objects = objectsOf(manifest);
  const workloads = workloadsOf(objects);
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const chartSecret = ofKind('Secret')[0];
  const secretFiles = (role: string) => (secretName: string) =>
    secretName.includes('grpc-tls') ? tlsSecretFor(role) : secretName === chartSecret?.metadata.name ? (chartSecret.stringData ?? {}) : EXTERNAL_SECRET;
  const envOf = (workload: Workload) => materializedEnv(workload, secretFiles(workload.role));
  const workloadServing = (role: string) => workloads.find((workload) => workload.role === role);

  it('passes helm lint --strict', () => {
    expect(lintChart(tools.helm, valuesFile)).toEqual({ status: 0, output: expect.stringContaining('0 chart(s) failed') });
  });

  it('renders only objects that validate against the Kubernetes API types', () => {
    expect(objects.length).toBeGreaterThan(3);
    expect(validateManifest(tools.validate, manifest)).toEqual({ status: 0, output: expect.stringContaining(`${objects.length} objects valid`) });
  });

  it('runs our image with a known role in at least one workload', () => {
    expect(workloads.length).toBeGreaterThan(0);
    for (const workload of workloads) expect({ name: workload.object.metadata.name, known: isRole(workload.role) }).toEqual({ name: workload.object.metadata.name, known: true });
  });

  describe.each(workloadsOf(objects).map((workload) => [workload.object.metadata.name, workload] as const))('%s', (_name, workload) => {
    it("satisfies its role's config reader with the Secrets mounted as files, and sets only variables the reader reads", () => {
      const env = envOf(workload);
      const { env: recording, read } = recordingEnv(env);
      expect(() => roleConfigReaders[workload.role as keyof typeof roleConfigReaders](recording)).not.toThrow();
      expect(Object.keys(env).filter((variable) => !read.has(variable))).toEqual([]);
    });

    it('keeps secrets out of its environment: the URLs with credentials and the service token come as <NAME>_FILE', () => {
      const names = (workload.container.env ?? []).map((variable) => variable.name);
      expect(names.filter((name) => [...SECRET_VARIABLES, 'SERVICE_TOKEN'].includes(name))).toEqual([]);
      expect((workload.container.env ?? []).filter((variable) => variable.valueFrom !== undefined)).toEqual([]);
    });

    it('declares the port its role listens on, and probes it with the readiness the role offers', () => {
      const listener = roleListener(workload.role as Parameters<typeof roleListener>[0], envOf(workload));
      expect(ports(workload)).toEqual([listener.port]);
      expect(metricsPorts(workload)).toEqual([listener.metricsPort]);
      const { readinessProbe: ready, livenessProbe: live } = workload.container;
      if (listener.protocol === 'http') {
        expect([live?.httpGet?.path, ready?.httpGet?.path]).toEqual(['/health/live', '/health/ready']);
        expect([live?.httpGet?.port, ready?.httpGet?.port]).toEqual(['http', 'http']);
      } else {
        for (const probe of [ready, live]) {
          expect(probe?.grpc?.port ?? probe?.exec?.command).toEqual(
            probe?.grpc === undefined ? ['node', 'deploy/healthcheck/grpc-health-check.cjs', String(listener.port)] : listener.port,
          );
        }
      }
    });

    it('asks for CPU and memory, and runs as a non-root user on a read-only root filesystem', () => {
      expect(Object.keys(workload.container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(workload.object.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(workload.container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    });

    it('is selected by exactly one NetworkPolicy of its own', () => {
      const policies = ofKind('NetworkPolicy').filter((policy) => selects(policy.spec.podSelector.matchLabels, workload.podLabels));
      expect(policies.map((policy) => policy.metadata.name)).toEqual([workload.object.metadata.name]);
    });
  });

  it('dials every gRPC service at dns:/// of a headless Service selecting that role, on its gRPC port', () => {
    for (const workload of workloads) {
      const env = envOf(workload);
      for (const [variable, servingRole] of Object.entries(GRPC_ADDRESS_VARIABLES)) {
        const address = env[variable];
        if (address === undefined) continue;
        const [, host = '', port = ''] = /^dns:\/\/\/([^:]+):(\d+)$/.exec(address) ?? [];
        const service = ofKind('Service').find((candidate) => candidate.metadata.name === host);
        const target = workloadServing(servingRole);
        expect({ variable, headless: service?.spec.clusterIP, selectsRole: selects(service?.spec.selector, target?.podLabels ?? {}) }).toEqual({
          variable, headless: 'None', selectsRole: true,
        });
        expect(service?.spec.ports.map((servicePort: { port: number }) => servicePort.port)).toEqual([Number(port)]);
        expect(ports(target as Workload)).toEqual([Number(port)]);
      }
    }
  });

  it('has every Service select a workload and target a port it names', () => {
    for (const service of ofKind('Service')) {
      const target = workloads.find((workload) => selects(service.spec.selector, workload.podLabels));
      expect({ service: service.metadata.name, selects: target !== undefined }).toEqual({ service: service.metadata.name, selects: true });
      for (const servicePort of service.spec.ports) expect(target?.container.ports?.map((port) => port.name)).toContain(servicePort.targetPort);
    }
  });

  it('points HorizontalPodAutoscalers, PodDisruptionBudgets and the Ingress at objects it renders', () => {
    const names = (kind: string) => ofKind(kind).map((object) => object.metadata.name);
    for (const hpa of ofKind('HorizontalPodAutoscaler')) expect(names(hpa.spec.scaleTargetRef.kind)).toContain(hpa.spec.scaleTargetRef.name);
    for (const pdb of ofKind('PodDisruptionBudget')) expect(workloads.some((workload) => selects(pdb.spec.selector.matchLabels, workload.podLabels))).toBe(true);
    for (const ingress of ofKind('Ingress')) {
      for (const rule of ingress.spec.rules) for (const path of rule.http.paths) expect(names('Service')).toContain(path.backend.service.name);
    }
  });

  it("lets each role's egress reach only the backing services its role uses, on their ports", () => {
    const portOf = backendPorts(valuesFile);
    for (const workload of workloads) {
      const policy = ofKind('NetworkPolicy').find((candidate) => candidate.metadata.name === workload.object.metadata.name) as K8sObject;
      const egressPorts = new Set<number>(policy.spec.egress.flatMap((rule: { ports: { port: number }[] }) => rule.ports.map((port) => port.port)));
      const env = envOf(workload);
      const families = new Set(Object.entries(BACKING_URL_VARIABLES).filter(([variable]) => env[`${variable}_FILE`] !== undefined).map(([, family]) => family));
      for (const [family, port] of Object.entries(portOf)) {
        expect({ role: workload.role, family, reaches: egressPorts.has(port) }).toEqual({ role: workload.role, family, reaches: families.has(family) });
      }
    }
  });
});

describe('kube-validate', () => {
  const manifest = renderChart(tools.helm, undefined);

  it.each([
    ['an unknown field', manifest.replace('containerPort:', 'containerPorts:'), 'unknown field'],
    ['a wrong type', manifest.replace(/maxUnavailable: 1/, 'maxUnavailable: [1]'), 'cannot unmarshal'],
    ['an unknown kind', manifest.replace('kind: PodDisruptionBudget', 'kind: PodDisruptionBudgit'), 'no kind'],
  ])('refuses a manifest with %s', (_label, broken, reason) => {
    expect(broken).not.toBe(manifest);
    const verdict = validateManifest(tools.validate, broken);
    expect(verdict.status).toBe(1);
    expect(verdict.output).toContain(reason);
  });
});

describe('the chart for the split deployment (default values)', () => {
  const objects = objectsOf(renderChart(tools.helm, undefined));
  const workloads = workloadsOf(objects);
  const named = (kind: string, component: string) =>
    objects.find((object) => object.kind === kind && object.metadata.labels?.['app.kubernetes.io/component'] === component);
  const peersAllowedInto = (component: string) =>
    (named('NetworkPolicy', component)?.spec.ingress as { from?: { podSelector: { matchLabels: Record<string, string> } }[] }[]).flatMap((rule) =>
      (rule.from ?? []).map((peer) => peer.podSelector.matchLabels['app.kubernetes.io/component']),
    );

  it('runs gateways (autoscaled, with a disruption budget), the user service and the chat service', () => {
    expect(workloads.map((workload) => workload.role).sort()).toEqual(['chat-service', 'gateway', 'user-service']);
    expect(named('HorizontalPodAutoscaler', 'gateway')?.spec).toMatchObject({ minReplicas: 2, scaleTargetRef: { kind: 'Deployment' } });
    expect(named('PodDisruptionBudget', 'gateway')?.spec).toMatchObject({ maxUnavailable: 1 });
    expect(named('Deployment', 'gateway')?.spec.replicas).toBeUndefined();
  });

  it('admits only the gateways (and, to the user service, the chat service) to the gRPC ports', () => {
    expect(peersAllowedInto('user-service').sort()).toEqual(['chat-service', 'gateway']);
    expect(peersAllowedInto('chat-service')).toEqual(['gateway']);
  });

  it('routes the Ingress to the gateways with WebSocket-friendly timeouts', () => {
    const ingress = named('Ingress', 'gateway');
    expect(ingress?.metadata.annotations).toMatchObject({ 'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600' });
    expect(ingress?.spec.rules[0].http.paths[0].backend.service.name).toBe(named('Service', 'gateway')?.metadata.name);
  });

  it('lets a stopping gateway leave the endpoints before it closes its sockets', () => {
    const gateway = workloads.find((workload) => workload.role === 'gateway');
    expect(gateway?.container).toMatchObject({ lifecycle: { preStop: { sleep: { seconds: expect.any(Number) } } } });
  });
});

describe('the chart for the monolith (examples/monolith-sqlite.yaml)', () => {
  const objects = objectsOf(renderChart(tools.helm, 'examples/monolith-sqlite.yaml'));
  const [monolith] = workloadsOf(objects);

  it('runs one monolith in a StatefulSet with its SQLite files on a volume claimed per pod at DATA_DIR', () => {
    expect(workloadsOf(objects).map((workload) => workload.role)).toEqual(['monolith']);
    expect(monolith?.object).toMatchObject({ kind: 'StatefulSet', spec: { replicas: 1 } });
    const env = materializedEnv(monolith as Workload, () => ({}));
    expect(roleConfigReaders.monolith(env)).toMatchObject({ storage: { kind: 'sqlite', dataDir: '/app/data' } });
    const claims = monolith?.object.spec.volumeClaimTemplates.map((claim: K8sObject) => claim.metadata.name);
    expect(monolith?.container.volumeMounts).toContainEqual({ name: claims[0], mountPath: '/app/data' });
  });
});
