import { originEnv } from '../browser-origins';
import { freePort } from '../free-port';
import { httpHealthy, waitUntilReady } from '../readiness';
import { RoleProcess } from '../role-process';
import { compiledMain, gatewayEndpoint, runningTarget, stopAllOnFailure, type RunningTarget, type TargetOptions } from './running-target';

const HOST = '127.0.0.1';

/**
 * One monolith process with in-memory storage and a generated JWT secret, as
 * `npm start` runs it (unless `options.env` sets MONGO_URL or JWT_SECRET); it is the
 * target's only gateway.
 */
export const startMonolith = async (options: TargetOptions): Promise<RunningTarget> => {
  const mainPath = compiledMain(options.rootDir);
  const port = await freePort(HOST);
  const monolith = new RoleProcess({
    name: 'monolith',
    role: 'monolith',
    mainPath,
    cwd: options.rootDir,
    env: { PORT: String(port), HOST, LOG_LEVEL: options.logLevel, BCRYPT_COST: '4', ...originEnv, ...options.env },
  });
  const endpoint = gatewayEndpoint(HOST, port);
  await stopAllOnFailure([monolith], () =>
    waitUntilReady(monolith, `GET ${endpoint.httpUrl}/health`, () => httpHealthy(endpoint.httpUrl), options.startTimeoutMs),
  );
  return runningTarget({ gateways: [endpoint] }, [monolith]);
};
