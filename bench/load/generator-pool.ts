import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Envelope, GeneratorAnswer, GeneratorCommand } from './generator-protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** One forked generator process and its outstanding requests. */
class Generator {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(readonly child: ChildProcess, readonly index: number) {
    child.on('message', (message: Envelope<GeneratorAnswer>) => {
      const waiting = this.pending.get(message.seq);
      if (waiting === undefined) return;
      this.pending.delete(message.seq);
      clearTimeout(waiting.timer);
      if (message.body.ok) waiting.resolve(message.body.result);
      else waiting.reject(new Error(`generator ${index}: ${message.body.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const waiting of this.pending.values()) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`generator ${index} exited (${signal ?? code}) during a request`));
      }
      this.pending.clear();
    });
  }

  call<T>(command: GeneratorCommand, timeoutMs: number): Promise<T> {
    this.seq += 1;
    const seq = this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`generator ${this.index}: no answer to ${command.kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(seq, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.child.send({ seq, body: command } satisfies Envelope<GeneratorCommand>);
    });
  }
}

/**
 * The load-generator processes of one scenario run (forked from this compiled file's
 * sibling generator.main.js, with no NODE_OPTIONS so a profiler flag meant for the
 * servers never lands here). Every request has a deadline; `close` kills stragglers.
 */
export class GeneratorPool {
  private constructor(private readonly generators: Generator[]) {}

  static async start(count: number): Promise<GeneratorPool> {
    const script = join(__dirname, 'generator.main.js');
    const generators = Array.from({ length: count }, (_, index) => {
      const child = fork(script, [], { env: { ...process.env, NODE_OPTIONS: '' }, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Generator(child, index);
    });
    await Promise.all(generators.map((generator) => new Promise((resolve, reject) => {
      generator.child.once('spawn', resolve);
      generator.child.once('error', reject);
    })));
    return new GeneratorPool(generators);
  }

  get size(): number {
    return this.generators.length;
  }

  /** Sends each generator its command (undefined: that generator sits this one out); answers in generator order. */
  async all<T>(commandFor: (index: number) => GeneratorCommand | undefined, timeoutMs: number): Promise<T[]> {
    const calls = this.generators.map((generator) => {
      const command = commandFor(generator.index);
      return command === undefined ? undefined : generator.call<T>(command, timeoutMs);
    });
    const answers = await Promise.all(calls);
    return answers.filter((answer): answer is Awaited<T> => answer !== undefined) as T[];
  }

  async close(): Promise<void> {
    await Promise.all(this.generators.map(async (generator) => {
      if (generator.child.exitCode !== null || generator.child.signalCode !== null) return;
      const exited = new Promise((resolve) => generator.child.once('exit', resolve));
      generator.call({ kind: 'close' }, 5_000).catch(() => undefined);
      const timer = setTimeout(() => generator.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }));
  }

  /** Synchronous last resort, for an orchestrator that is exiting abruptly. */
  killNow(): void {
    for (const generator of this.generators) generator.child.kill('SIGKILL');
  }
}
