import type { PeersReport } from '../peers/run-peers';
import type { BenchOptions } from '../scenarios/bench-options';
import type { CaseResult } from '../scenarios/scenario';
import type { TargetName } from '../targets/bench-target';

export interface TargetSuccess {
  readonly cases: readonly CaseResult[];
  readonly seconds: number;
}

/** A scenario's outcome on one target: its cases, or why it failed. */
export type TargetOutcome = TargetSuccess | { readonly error: string; readonly seconds: number };

/** Everything a run wrote to its JSON file. */
export interface BenchReport {
  readonly tool: 'chatterroom-bench';
  readonly formatVersion: 1;
  readonly scenarios: readonly string[];
  readonly targets: readonly TargetName[];
  readonly startedAt: string;
  finishedAt?: string;
  readonly machine: Record<string, unknown>;
  readonly options: BenchOptions;
  /** `coalescing`: the relay corks each socket for a tick (default); `naive`: one system call per frame. */
  readonly baseline: 'coalescing' | 'naive';
  /** Where the monolith and split ran from (their dist/). */
  readonly serverRoot: string;
  /** results[scenario][target] */
  readonly results: Record<string, Partial<Record<TargetName, TargetOutcome>>>;
  /** `npm run bench -- peers`: the side-by-side comparison, or why it failed. */
  peers?: PeersReport | { readonly error: string };
}

export const isSuccess = (outcome: TargetOutcome | undefined): outcome is TargetSuccess =>
  outcome !== undefined && 'cases' in outcome;
