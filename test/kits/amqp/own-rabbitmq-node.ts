import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from '@chatterroom/test/harness/system/free-port';

const run = promisify(execFile);

/**
 * A RabbitMQ node of a test's own, beside the machine's broker: its own node name, AMQP and
 * distribution ports, data and log directories, and no plugin. A test may stop and start it
 * (or halt it) without touching the broker every other test uses.
 */
export interface OwnRabbitMqNode {
  readonly url: string;
  readonly nodeName: string;
  /** `rabbitmqctl stop_app`: the broker stops serving (connections drop), the node stays. */
  stopApp(): Promise<void>;
  /** `rabbitmqctl start_app`, then waits until it accepts AMQP connections. */
  startApp(): Promise<void>;
  /** Halts the node and deletes its directories. */
  close(): Promise<void>;
}

const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => (socket.destroy(), resolve(open));
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/** Polls `port` for up to three minutes (a loaded machine starts Erlang slowly); stops early once `gaveUp()` says so. */
const waitForPort = async (port: number, what: string, gaveUp: () => string | undefined): Promise<void> => {
  for (let tries = 0; tries < 360; tries += 1) {
    if (await portOpen(port)) return;
    const reason = gaveUp();
    if (reason !== undefined) throw new Error(`${what}: port ${port} did not open: ${reason}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}: port ${port} did not open in three minutes`);
};

/** The end of the node's logs and of what `rabbitmq-server` printed, for an error message. */
const tailOf = async (logDir: string, printed: string): Promise<string> => {
  const logs = await readdir(logDir).catch(() => [] as string[]);
  const texts = await Promise.all(logs.map((name) => readFile(join(logDir, name), 'utf8').catch(() => '')));
  return [printed, ...texts].join('\n').trim().split('\n').slice(-40).join('\n');
};

/**
 * Test support only: starts `rabbitmq-server` as node `chatterroom-test-<amqpPort>@localhost`
 * listening on 127.0.0.1:`amqpPort`, its distribution on another port; both are free ports the
 * OS picks (a fixed port in the ephemeral range may be any connection's local end), and resolves
 * once it accepts connections. A node that fails to start is stopped, and the error carries the
 * end of its log. Run as root, the server scripts switch to the `rabbitmq` user, so its
 * directories are handed to that user.
 */
export const startOwnRabbitMqNode = async (): Promise<OwnRabbitMqNode> => {
  const [amqpPort, distPort] = (await freePorts(2)) as [number, number];
  const nodeName = `chatterroom-test-${amqpPort}@localhost`;
  const base = await mkdtemp(join(tmpdir(), `chatterroom-rabbitmq-${amqpPort}-`));
  await chmod(base, 0o755);
  for (const dir of ['mnesia', 'log']) await mkdir(join(base, dir));
  await writeFile(join(base, 'enabled_plugins'), '[].\n');
  await writeFile(join(base, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${amqpPort}\n`);
  if (process.getuid?.() === 0) await run('chown', ['-R', 'rabbitmq:rabbitmq', base]).catch(() => undefined);
  const env = {
    ...process.env,
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_CONFIG_FILE: join(base, 'rabbitmq.conf'),
    RABBITMQ_MNESIA_BASE: join(base, 'mnesia'),
    RABBITMQ_LOG_BASE: join(base, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(base, 'enabled_plugins'),
  };
  const child: ChildProcess = spawn('rabbitmq-server', [], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let printed = '';
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-8_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('error', (error) => keep(Buffer.from(`could not run rabbitmq-server: ${error.message}`)));
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? `rabbitmq-server exited (${child.exitCode ?? child.signalCode})` : undefined);
  const ctl = async (...args: string[]): Promise<void> => {
    await run('rabbitmqctl', ['-q', '-n', nodeName, ...args], { timeout: 60_000 });
  };
  const close = async () => {
    await ctl('stop').catch(() => undefined);
    if (exited() === undefined) child.kill('SIGKILL');
    // Erlang's helper processes may hold the output pipes after the node stops.
    child.stdout?.destroy();
    child.stderr?.destroy();
    await rm(base, { recursive: true, force: true });
  };
  const waitUntilServing = async () => {
    try {
      await waitForPort(amqpPort, nodeName, exited);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await tailOf(join(base, 'log'), printed)}`);
    }
  };
  try {
    await waitUntilServing();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url: `amqp://guest:guest@127.0.0.1:${amqpPort}`,
    nodeName,
    stopApp: () => ctl('stop_app'),
    startApp: async () => {
      await ctl('start_app');
      await waitUntilServing();
    },
    close,
  };
};
