import type { Logger } from '@chatterroom/kernel';
import { runReadinessChecks, type ReadinessCheck, type ReadinessReport } from '@chatterroom/kernel';

export interface ReadinessMonitorOptions {
  readonly checks: readonly ReadinessCheck[];
  readonly intervalMs: number;
  /** Told each time readiness changes (not on every round). */
  readonly onChange: (report: ReadinessReport) => void;
  readonly logger: Logger;
}

/**
 * Runs the checks every `intervalMs` (one round at a time) and reports when readiness changes:
 * a gRPC service turns NOT_SERVING while its database or broker does not answer, SERVING after.
 * Starts from ready (the role connected to everything before it served).
 */
export class ReadinessMonitor {
  private timer: NodeJS.Timeout | undefined;
  private ready = true;
  private stopped = false;

  constructor(private readonly options: ReadinessMonitorOptions) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.round(), this.options.intervalMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    const report = await runReadinessChecks(this.options.checks, Math.max(100, Math.min(2_000, this.options.intervalMs)));
    if (this.stopped) return;
    if (report.ready !== this.ready) {
      this.ready = report.ready;
      if (report.ready) this.options.logger.info({ checks: report.checks }, 'dependencies answer again: ready');
      else this.options.logger.warn({ checks: report.checks }, 'a dependency does not answer: not ready');
      this.options.onChange(report);
    }
    this.schedule();
  }
}
