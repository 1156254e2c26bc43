import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

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

const waitForPort = async (port: number, what: string): Promise<void> => {
  for (let tries = 0; tries < 120; tries += 1) {
    if (await portOpen(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}: port ${port} did not open`);
};

/**
 * Test support only: starts `rabbitmq-server` as node `chatterroom-test-<amqpPort>@localhost`
 * listening on 127.0.0.1:`amqpPort` (distribution on `amqpPort + 1`), and resolves once it
 * accepts connections. Run as root, the server scripts switch to the `rabbitmq` user, so its
 * directories are handed to that user.
 */
export const startOwnRabbitMqNode = async (amqpPort: number): Promise<OwnRabbitMqNode> => {
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
    RABBITMQ_DIST_PORT: String(amqpPort + 1),
    RABBITMQ_CONFIG_FILE: join(base, 'rabbitmq.conf'),
    RABBITMQ_MNESIA_BASE: join(base, 'mnesia'),
    RABBITMQ_LOG_BASE: join(base, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(base, 'enabled_plugins'),
  };
  const child: ChildProcess = spawn('rabbitmq-server', [], { env, stdio: 'ignore', detached: false });
  const ctl = async (...args: string[]): Promise<void> => {
    await run('rabbitmqctl', ['-q', '-n', nodeName, ...args], { timeout: 60_000 });
  };
  await waitForPort(amqpPort, nodeName);
  return {
    url: `amqp://guest:guest@127.0.0.1:${amqpPort}`,
    nodeName,
    stopApp: () => ctl('stop_app'),
    startApp: async () => {
      await ctl('start_app');
      await waitForPort(amqpPort, nodeName);
    },
    close: async () => {
      await ctl('stop').catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(base, { recursive: true, force: true });
    },
  };
};
