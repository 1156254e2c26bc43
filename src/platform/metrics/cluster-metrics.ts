import type { Worker } from 'node:cluster';
import { AggregatorRegistry, register, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { Logger } from '@chatterroom/kernel';

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** The modules' process asks a socket process for its metrics. */
interface MetricsRequest {
  readonly t: 'metrics?';
  readonly id: number;
}

/** A socket process's answer: its registry as JSON (empty when it could not collect). */
interface MetricsAnswer {
  readonly t: 'metrics';
  readonly id: number;
  readonly metrics: MetricsJson;
}

const isMessage = <T extends { t: string }>(message: unknown, t: T['t']): message is T =>
  typeof message === 'object' && message !== null && (message as { t?: unknown }).t === t && typeof (message as { id?: unknown }).id === 'number';

/**
 * In a socket process: answers its modules' process's requests for this process's metrics (the
 * modules' process serves the one /metrics listener for all of them; see {@link ClusterMetrics}).
 */
export const answerMetricsRequests = (): void => {
  process.on('message', (message: unknown) => {
    if (!isMessage<MetricsRequest>(message, 'metrics?')) return;
    const answer = (metrics: MetricsJson): void => {
      process.send?.({ t: 'metrics', id: message.id, metrics } satisfies MetricsAnswer);
    };
    register.getMetricsAsJSON().then(answer, () => answer([]));
  });
};

/**
 * The metrics of a monolith with socket processes, as one scrape: this process's registry and
 * each live socket process's, aggregated the way prom-client aggregates a cluster (counters and
 * histograms summed, gauges by their aggregator). A socket process that does not answer within
 * `timeoutMs` is left out of that scrape (and logged) rather than fail it.
 */
export class ClusterMetrics {
  private nextId = 0;

  constructor(
    private readonly workers: () => Iterable<Worker>,
    private readonly logger: Logger,
    private readonly timeoutMs = 3_000,
  ) {}

  /** Prometheus text of every process; rejects only when this process's own registry fails. */
  async text(): Promise<string> {
    const own = await register.getMetricsAsJSON();
    const theirs = await Promise.all([...this.workers()].map((worker) => this.ask(worker)));
    return AggregatorRegistry.aggregate([own, ...theirs.filter((metrics) => metrics !== undefined)]).metrics();
  }

  get contentType(): string {
    return register.contentType;
  }

  private ask(worker: Worker): Promise<MetricsJson | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (metrics: MetricsJson | undefined): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(metrics);
      };
      const onMessage = (message: unknown): void => {
        if (isMessage<MetricsAnswer>(message, 'metrics') && message.id === id) done(message.metrics);
      };
      const onExit = (): void => done(undefined);
      const timer = setTimeout(() => {
        this.logger.warn({ pid: worker.process.pid }, 'a socket process did not answer for its metrics in time: left out of this scrape');
        done(undefined);
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      try {
        worker.send({ t: 'metrics?', id } satisfies MetricsRequest);
      } catch {
        done(undefined);
      }
    });
  }
}
