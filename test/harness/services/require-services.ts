import { connect } from 'node:net';
import { serviceUrls, type ServiceName } from './service-urls';

const HOW_TO_START = 'run `bash scripts/services/start.sh` (npm test does it for you)';

const reachable = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/**
 * Fails the run, naming each missing service and how to start it, instead of letting
 * tests skip or time out one by one. Used as the jest globalSetup of tests that need them.
 */
export const requireServices = async (names: readonly ServiceName[] = ['redis', 'amqp', 'mongo']): Promise<void> => {
  const missing: string[] = [];
  for (const name of names) {
    if (!(await reachable(serviceUrls[name]))) missing.push(`${name} at ${serviceUrls[name]}`);
  }
  if (missing.length > 0) {
    throw new Error(`Required services are not reachable: ${missing.join(', ')}. To start them, ${HOW_TO_START}.`);
  }
};
