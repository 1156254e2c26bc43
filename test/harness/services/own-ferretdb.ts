import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A private FerretDB (SQLite backend, own data dir) a test can kill and start again without touching the shared one. */
export interface OwnFerretDb {
  readonly port: number;
  /** `mongodb://127.0.0.1:<port>/<database>`. */
  urlOf(database: string): string;
  /** SIGKILL, like a crash; resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data dir. */
  restart(): Promise<void>;
  /** Kills it and removes its data dir. */
  remove(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The binary scripts/services/ferretdb.sh builds (`npm run services:start`), or FERRETDB_BIN. */
const ferretDbBinary = (): string => {
  const binary = process.env.FERRETDB_BIN ?? join(REPO_ROOT, '.tools', 'bin', 'ferretdb');
  if (!existsSync(binary)) throw new Error(`${binary} does not exist: run \`npm run services:start\` once (it builds FerretDB), or set FERRETDB_BIN`);
  return binary;
};

const listening = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const end = (ok: boolean) => (socket.destroy(), done(ok));
    socket.setTimeout(500, () => end(false));
    socket.once('connect', () => end(true));
    socket.once('error', () => end(false));
  });

const launch = async (binary: string, dir: string, port: number): Promise<ChildProcess> => {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const child = spawn(
    binary,
    ['--handler=sqlite', `--sqlite-url=file:${join(dir, 'data')}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${dir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=error'],
    { stdio: 'ignore' },
  );
  for (let tries = 0; tries < 200; tries += 1) {
    if (child.exitCode !== null) throw new Error(`ferretdb on port ${port} exited with ${child.exitCode}`);
    if (await listening(port)) return child;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`ferretdb did not listen on 127.0.0.1:${port}`);
};

const stop = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });

/** Test support only: starts FerretDB on `port` with a fresh data dir; resolves once it accepts connections. */
export const startOwnFerretDb = async (port: number): Promise<OwnFerretDb> => {
  const binary = ferretDbBinary();
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-own-ferretdb-'));
  let child = await launch(binary, dir, port);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    port,
    urlOf: (database) => `mongodb://127.0.0.1:${port}/${database}`,
    kill: () => stop(child),
    restart: async () => {
      await stop(child);
      child = await launch(binary, dir, port);
    },
    remove: async () => {
      process.off('exit', killOnExit);
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
