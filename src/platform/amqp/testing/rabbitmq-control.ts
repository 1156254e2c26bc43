import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Drives the local broker from tests through `rabbitmqctl` (the management plugin is
 * not enabled here). Set RABBITMQCTL to reach another one, e.g. `docker exec rabbit rabbitmqctl`.
 */
const rabbitmqctl = async (...args: string[]): Promise<string> => {
  const [command = 'rabbitmqctl', ...prefix] = (process.env.RABBITMQCTL ?? 'rabbitmqctl').split(/\s+/).filter(Boolean);
  const { stdout } = await run(command, [...prefix, ...args], { timeout: 60_000 });
  return stdout;
};

/** Pids of the connections whose client set `connection_name` to `name`. */
export const connectionPidsNamed = async (name: string): Promise<string[]> => {
  const listing = await rabbitmqctl('list_connections', '-q', '--no-table-headers', 'pid', 'client_properties');
  return listing
    .split('\n')
    .filter((line) => line.includes(`{"connection_name","${name}"}`))
    .map((line) => line.split('\t')[0] ?? '');
};

/** Closes, from the broker's side, every connection named `name`; returns their pids. */
export const closeConnectionsNamed = async (name: string): Promise<string[]> => {
  const pids = await connectionPidsNamed(name);
  for (const pid of pids) await rabbitmqctl('close_connection', pid, 'closed by a resilience test');
  return pids;
};

const portOpen = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => (socket.destroy(), resolve(open));
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export const stopBrokerApp = async (): Promise<void> => void (await rabbitmqctl('stop_app'));

/** Starts the broker application and waits until it accepts AMQP connections at `amqpUrl`. */
export const startBrokerApp = async (amqpUrl: string): Promise<void> => {
  await rabbitmqctl('start_app');
  await rabbitmqctl('await_startup');
  const { hostname, port } = new URL(amqpUrl);
  for (let tries = 0; tries < 60 && !(await portOpen(hostname, Number(port || 5672))); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};
