import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_VARIABLES } from '@chatterroom/platform/config/secret-variables';

const OUTPUT_TAIL_BYTES = 200_000;
const STOP_GRACE_MS = 5_000;

/** Variables the roles read; a child gets only the ones its target sets, never the caller's. */
export const ROLE_VARIABLES = [
  'PORT', 'HOST', 'LOG_LEVEL', 'JWT_SECRET', 'JWT_TTL_SECONDS', 'BCRYPT_COST', 'MONGO_URL',
  'USERS_MONGO_URL', 'CHAT_MONGO_URL', 'REDIS_URL', 'AMQP_URL', 'GRPC_HOST', 'GRPC_PORT',
  'USERS_GRPC_ADDRESS', 'CHAT_GRPC_ADDRESS', 'GRPC_DEADLINE_MS', 'ACCESS_TOKEN_TTL_SECONDS', 'REFRESH_TOKEN_TTL_SECONDS',
  'SIGNING_KEY_ROTATION_SECONDS', 'TOKEN_CLOCK_TOLERANCE_SECONDS', 'SESSION_CHECK_CACHE_SECONDS', 'STORAGE', 'DATA_DIR',
  'SERVICE_TOKEN', 'SERVICE_TOKEN_FILE', 'CORS_ORIGINS', 'REDIS_KEY_PREFIX', 'TRUST_PROXY', 'RATE_LIMITS',
  'GRPC_TLS_CERT_FILE', 'GRPC_TLS_KEY_FILE', 'GRPC_TLS_CA_FILE', 'GRPC_TLS_CLIENT_CERT_FILE', 'GRPC_TLS_CLIENT_KEY_FILE',
  'HEALTH_CHECK_INTERVAL_MS', 'METRICS_PORT', 'METRICS_HOST', 'PRESENCE_TTL_SECONDS', 'REQUEST_DEADLINE_MS', 'SHUTDOWN_DRAIN_DELAY_MS',
  ...SECRET_VARIABLES.map((name) => `${name}_FILE`),
];

interface CommonRoleProcessOptions {
  /** Shown in messages and log file names, e.g. `gateway-2`. */
  readonly name: string;
  readonly role: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** Runs `node <mainPath> <role>`, or `<executable> ...args` (default `[role]`) for the single executable (the binary target). */
export type RoleProcessOptions = CommonRoleProcessOptions & (
  | { readonly mainPath: string; readonly executable?: undefined }
  | { readonly executable: string; readonly args?: readonly string[]; readonly mainPath?: undefined }
);

/**
 * One `node dist/src/main.js <role>` (or `<executable> <role>`) child. Keeps the tail of its stdout/stderr (and the
 * whole of it in a log file) to explain a failure, and knows whether it has exited.
 */
export class RoleProcess {
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private tail = '';
  private exitInfo: string | undefined;
  private exitCodeValue: number | null | undefined;
  private stopping = false;
  private ready = false;
  readonly exited: Promise<string>;
  /** Resolves once the log file holds all the output (after the process exited). */
  readonly logClosed: Promise<void>;

  constructor(private readonly options: RoleProcessOptions) {
    const dir = join(tmpdir(), 'chatterroom-sut');
    mkdirSync(dir, { recursive: true });
    this.logFile = join(dir, `${options.name}-${Date.now()}-${process.pid}.log`);
    this.log = createWriteStream(this.logFile);
    this.logClosed = new Promise((resolve) => this.log.once('close', () => resolve()));
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of ROLE_VARIABLES) delete env[name];
    const [command, args] = options.executable === undefined
      ? [process.execPath, [options.mainPath, options.role]]
      : [options.executable, [...(options.args ?? [options.role])]];
    this.child = spawn(command, args, {
      cwd: options.cwd,
      // a listener of its own per process: two processes never race for the default metrics port
      env: { ...env, METRICS_PORT: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.record(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.record(chunk));
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.exitInfo = `could not start: ${error.message}`;
        resolve(this.exitInfo);
      });
      this.child.once('exit', (code, signal) => {
        this.exitInfo = signal === null ? `exited with code ${code}` : `was killed by ${signal}`;
        this.exitCodeValue = code;
        this.log.end();
        if (this.ready && !this.stopping) process.stderr.write(`\n[system harness] ${this.describe(`${this.exitInfo} while the tests ran`)}\n`);
        resolve(this.exitInfo);
      });
    });
  }

  get name(): string {
    return this.options.name;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** The environment the target gave this process (on top of the caller's, minus ROLE_VARIABLES). */
  get env(): Readonly<Record<string, string>> {
    return this.options.env;
  }

  /** The exit code; null when a signal ended it, undefined while it runs. */
  get exitCode(): number | null | undefined {
    return this.exitCodeValue;
  }

  /**
   * A new process of the same role, name and environment (plus `envOverrides`), e.g. to
   * start a killed service again on the same ports. Its readiness is the caller's to await.
   */
  respawn(envOverrides: Readonly<Record<string, string>> = {}): RoleProcess {
    return new RoleProcess({ ...this.options, env: { ...this.options.env, ...envOverrides } });
  }

  /** Sends `signal` as a test step (so its exit is not reported as unexpected); resolves on exit. */
  signal(signal: NodeJS.Signals): Promise<string> {
    this.stopping = true;
    if (!this.hasExited) this.child.kill(signal);
    return this.exited;
  }

  /** A report naming the process, its state and the tail of its output. */
  describe(headline = this.exitInfo ?? 'is running'): string {
    const output = this.tail.trim() === '' ? '(no output)' : this.tail.trimEnd();
    return `${this.options.name} (${this.options.role}, pid ${this.child.pid ?? '-'}) ${headline}\n` +
      `--- output of ${this.options.name} (full log: ${this.logFile}) ---\n${output}\n--- end of ${this.options.name} ---`;
  }

  /** From now on an exit is unexpected and reported at once (a start-up failure is reported by the caller). */
  markReady(): void {
    this.ready = true;
  }

  /** SIGTERM, then SIGKILL when it is still alive after a grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort when the harness process itself exits. */
  killNow(): void {
    this.stopping = true;
    if (!this.hasExited) this.child.kill('SIGKILL');
  }

  private record(chunk: Buffer): void {
    this.log.write(chunk);
    this.tail = (this.tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  }
}
