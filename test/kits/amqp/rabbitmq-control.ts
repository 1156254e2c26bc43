import { execFile } from 'node:child_process';
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
