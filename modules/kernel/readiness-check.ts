/** One dependency a process needs to serve requests, as /health/ready and gRPC health see it. */
export interface ReadinessCheck {
  /** Names the dependency in answers, e.g. `database`, `broker`, `chat-service`. */
  readonly name: string;
  /**
   * Resolves when the dependency answers now; rejects (with a readable reason) when it does not.
   * Never changes anything; callers bound it with a timeout.
   */
  probe(): Promise<void>;
}

/** What each check said: `up`, or why it is not. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, string>>;
}

export const UP = 'up';

const DEFAULT_TIMEOUT_MS = 2_000;

const bounded = (probe: Promise<void>, timeoutMs: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
};

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** Runs every check at once, each bounded by `timeoutMs`; ready when every one answered. */
export const runReadinessChecks = async (checks: readonly ReadinessCheck[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ReadinessReport> => {
  const outcomes = await Promise.all(
    checks.map(async (check) => {
      try {
        await bounded(check.probe(), timeoutMs);
        return [check.name, UP] as const;
      } catch (error) {
        return [check.name, reasonOf(error)] as const;
      }
    }),
  );
  return { ready: outcomes.every(([, outcome]) => outcome === UP), checks: Object.fromEntries(outcomes) };
};
