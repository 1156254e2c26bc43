import { collectDefaultMetrics, register } from 'prom-client';
import '@chatterroom/gateway/metrics/gateway-metrics';
import '@chatterroom/platform/metrics/grpc-metrics';
import '@chatterroom/platform/metrics/broker-metrics';
import { readRepoFile } from './compose-model';

interface Panel {
  readonly title: string;
  readonly targets?: readonly { readonly expr: string }[];
}

const dashboard = JSON.parse(readRepoFile('deploy/grafana/chatterroom-dashboard.json')) as { panels: Panel[]; templating: { list: { query?: unknown }[] } };

/** Metric names a PromQL expression reads (ours, and Node's process metrics). */
const metricsIn = (expr: string): string[] => [...expr.matchAll(/\b((?:chatterroom|process|nodejs)_[a-z0-9_]+)\b/g)].map((match) => match[1] ?? '');

/** The registered metric a series name belongs to (a histogram's _bucket, _sum and _count are its own). */
const familyOf = (series: string, registered: ReadonlySet<string>): string | undefined =>
  [series, series.replace(/_(bucket|sum|count)$/, '')].find((name) => registered.has(name));

describe('deploy/grafana/chatterroom-dashboard.json', () => {
  collectDefaultMetrics({ register });
  const registered: ReadonlySet<string> = new Set(register.getMetricsAsArray().map((metric) => metric.name));

  it('queries only metrics the processes register', () => {
    const queries = [
      ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
      ...dashboard.templating.list.map((variable) => (typeof variable.query === 'string' ? variable.query : '')),
    ];
    const names = queries.flatMap(metricsIn);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => familyOf(name, registered) === undefined)).toEqual([]);
  });

  it("has a panel for each of ChatterRoom's own metrics", () => {
    const queried = new Set(dashboard.panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricsIn(target.expr))).map((name) => familyOf(name, registered)));
    expect([...registered].filter((name) => name.startsWith('chatterroom_') && !queried.has(name))).toEqual([]);
  });
});
