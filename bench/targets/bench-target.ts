import type { GatewayEndpoint } from '@chatterroom/test/harness/system/sut-endpoints';
import type { ProbedProcess } from './process-probe';

/** `monolith` keeps its data in memory (the published budget's target); `monolith-sqlite` in SQLite files, its default. */
export const TARGET_NAMES = ['baseline', 'monolith', 'monolith-sqlite', 'split', 'split-2chat', 'split-3chat'] as const;
/** What runs when --targets is not given; `split-2chat` and `split-3chat` (two or three chat-service replicas dialled as a list) only on request. */
export const DEFAULT_TARGET_NAMES: readonly TargetName[] = ['baseline', 'monolith', 'monolith-sqlite', 'split'];
export type TargetName = (typeof TARGET_NAMES)[number];

/** A started deployment as the bench sees it. */
export interface BenchTarget {
  readonly name: TargetName;
  /** Where clients connect; the split deployment has two gateways. */
  readonly gateways: readonly GatewayEndpoint[];
  /** The processes sampled for CPU and memory: the target's own, and for split the brokers and databases. */
  readonly processes: readonly ProbedProcess[];
  /** The process holding the sockets of `gateways[0]`: the one the `connections` scenario measures. */
  readonly firstGateway: ProbedProcess;
  stop(): Promise<void>;
  killNow(): void;
}

export interface BenchTargetOptions {
  readonly rootDir: string;
  /** Extra environment for the target's own processes, e.g. NODE_OPTIONS=--cpu-prof. */
  readonly env: Readonly<Record<string, string>>;
  readonly startTimeoutMs: number;
}
