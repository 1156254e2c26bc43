import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { originEnv } from '../browser-origins';
import { freePorts } from '../free-port';
import { httpHealthy, waitUntilReady } from '../readiness';
import { RoleProcess } from '../role-process';
import { compiledMain, gatewayEndpoint, runningTarget, stopAllOnFailure, type RunningTarget, type TargetOptions } from './running-target';

const HOST = '127.0.0.1';

/**
 * One monolith process with its default storage (SQLite) and a generated JWT secret, as
 * `npm start` runs it (unless `options.env` sets STORAGE, MONGO_URL or JWT_SECRET); it is the
 * target's only gateway. Its DATA_DIR is a fresh temporary directory, removed when the
 * target stops, unless `options.env` names one.
 */
export const startMonolith = async (options: TargetOptions): Promise<RunningTarget> => {
  const mainPath = compiledMain(options.rootDir);
  const [port, metricsPort] = (await freePorts(2, HOST)) as [number, number];
  const ownDataDir = options.env?.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'chatterroom-monolith-data-')) : undefined;
  const removeOwnDataDir = async () => {
    if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
  };
  const monolith = new RoleProcess({
    name: 'monolith',
    role: 'monolith',
    mainPath,
    cwd: options.rootDir,
    env: { PORT: String(port), HOST, METRICS_PORT: String(metricsPort), LOG_LEVEL: options.logLevel, BCRYPT_COST: '4', ...originEnv, ...(ownDataDir === undefined ? {} : { DATA_DIR: ownDataDir }), ...options.env },
  });
  const endpoint = gatewayEndpoint(HOST, port, metricsPort);
  try {
    await stopAllOnFailure([monolith], () =>
      waitUntilReady(monolith, `GET ${endpoint.httpUrl}/health`, () => httpHealthy(endpoint.httpUrl), options.startTimeoutMs),
    );
  } catch (error) {
    await removeOwnDataDir();
    throw error;
  }
  return runningTarget({ gateways: [endpoint] }, [monolith], removeOwnDataDir);
};
