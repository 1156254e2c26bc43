import type { BenchTarget, TargetName } from '../targets/bench-target';
import type { BenchOptions } from './bench-options';

/** How a metric is shown: its label and decimals. */
export interface MetricSpec {
  readonly key: string;
  readonly label: string;
  readonly digits: number;
}

/** One measured case of a scenario on one target, e.g. "room 100 · max". */
export interface CaseResult {
  readonly case: string;
  readonly metrics: Readonly<Record<string, number>>;
  /** CPU use while measuring, in % of one core, per process (the target's, and for split its services). */
  readonly cpu?: Readonly<Record<string, number>>;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ScenarioContext {
  readonly target: BenchTarget;
  readonly options: BenchOptions;
  readonly log: (line: string) => void;
}

export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** The metrics the summary table shows, in order. */
  readonly metrics: readonly MetricSpec[];
  /** The targets it can run on (all when left out); on the others it is skipped and shown as not applicable. */
  readonly targets?: readonly TargetName[];
  run(context: ScenarioContext): Promise<CaseResult[]>;
}
