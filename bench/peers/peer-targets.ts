import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@chatterroom/test/harness/system/free-port';
import { httpHealthy, waitUntilReady } from '@chatterroom/test/harness/system/readiness';
import { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { SendFrame, SocketSpec } from '../load/generator-protocol';
import { BenchApi } from '../setup/http-api';
import { createRoomWith, createUsers } from '../setup/population';
import type { BenchTarget, TargetName } from '../targets/bench-target';
import type { ProbedProcess } from '../targets/process-probe';
import { startTarget } from '../targets/start-target';

/** The systems `npm run bench -- peers` compares. */
export const PEER_NAMES = ['monolith', 'centrifugo', 'socketio', 'baseline'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

const HOST = '127.0.0.1';

/** How the bench reaches the rooms it prepared on one system. */
export interface PeerPopulation {
  /** The socket of member `userIndex` (a member of every room larger than its index). */
  socketOf(userIndex: number): SocketSpec;
  /** What a sender writes to reach the room of `size`. */
  frameFor(size: number): SendFrame;
  /** An idle socket, the `n`-th, for the memory measurement: of a user in no room (ChatterRoom: 20 devices per user), on no channel. */
  idleSocket(n: number): SocketSpec;
}

/** One running system of the comparison. */
export interface PeerSystem {
  readonly name: PeerName;
  /** Every process whose CPU counts for this system. */
  readonly processes: readonly ProbedProcess[];
  /** The process holding the sockets (its RSS is the memory per socket). */
  readonly socketHolder: ProbedProcess;
  /**
   * Creates `members` users (where the system has users) and one room per size with members
   * 0..size-1, and users in no room for `idleSockets` idle sockets (as the connections scenario does).
   */
  prepare(members: number, roomSizes: readonly number[], idleSockets: number, log: (line: string) => void): Promise<PeerPopulation>;
  stop(): Promise<void>;
  killNow(): void;
}

const roomName = (size: number): string => `r${size}`;
/** Devices per room-less user for the idle sockets, as in the connections scenario (10,000 sockets of 500 users). */
const IDLE_DEVICES_PER_USER = 20;

/** Channel-based peers: no users, every member subscribes to the channel of each room it belongs to. */
const channelPopulation = (url: string, protocol: 'centrifugo' | 'socketio', roomSizes: readonly number[]): PeerPopulation => ({
  socketOf: (userIndex) => ({ url, token: '', protocol, channels: roomSizes.filter((size) => size > userIndex).map(roomName) }),
  frameFor: (size) => ({ type: 'channel.publish', channel: roomName(size) }),
  idleSocket: () => ({ url, token: '', protocol, channels: [] }),
});

/** The monolith or the baseline relay, started as the other scenarios start them, filled over ChatterRoom's HTTP API. */
const chatterroomPeer = async (name: 'monolith' | 'baseline', rootDir: string, env: Readonly<Record<string, string>>): Promise<PeerSystem> => {
  const target: BenchTarget = await startTarget(name as TargetName, { rootDir, env, startTimeoutMs: 90_000 });
  const gateway = target.gateways[0];
  if (gateway === undefined) throw new Error(`${name} has no gateway`);
  return {
    name,
    processes: target.processes,
    socketHolder: target.firstGateway,
    async prepare(members, roomSizes, idleSockets, log) {
      const api = new BenchApi(gateway.httpUrl, log);
      const users = await createUsers(api, members);
      const rooms = new Map<number, number>();
      for (const size of roomSizes) rooms.set(size, await createRoomWith(api, users.slice(0, size), `bench-${size}`));
      const loners = await createUsers(api, Math.max(1, Math.ceil(idleSockets / IDLE_DEVICES_PER_USER)));
      return {
        socketOf: (userIndex) => ({ url: gateway.wsUrl, token: users[userIndex]?.token ?? '' }),
        frameFor: (size) => ({ type: 'room.send', roomId: rooms.get(size) ?? 0 }),
        idleSocket: (n) => ({ url: gateway.wsUrl, token: loners[n % loners.length]?.token ?? '' }),
      };
    },
    stop: () => target.stop(),
    killNow: () => target.killNow(),
  };
};

/** A peer server we run as a child process and probe with GET /health. */
const childPeer = async (
  name: 'centrifugo' | 'socketio',
  spawnOptions: { readonly executable: string; readonly args: readonly string[] } | { readonly mainPath: string },
  port: number,
  rootDir: string,
  population: (httpUrl: string) => (roomSizes: readonly number[]) => PeerPopulation,
): Promise<PeerSystem> => {
  const child = new RoleProcess({ name, role: name, cwd: rootDir, env: { PORT: String(port), HOST }, ...spawnOptions });
  const httpUrl = `http://${HOST}:${port}`;
  try {
    await waitUntilReady(child, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl), 60_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  const pid = Number(/pid (\d+)\)/.exec(child.describe('is running'))?.[1]);
  const processes = [{ name, pid }];
  return {
    name,
    processes,
    socketHolder: processes[0] as ProbedProcess,
    prepare: (_members, roomSizes) => Promise.resolve(population(httpUrl)(roomSizes)),
    stop: () => child.stop(),
    killNow: () => child.killNow(),
  };
};

/**
 * The Centrifugo binary, built once from the Go module proxy by scripts/services/centrifugo.sh;
 * throws with the script's reason (e.g. no Go on this machine).
 */
export const centrifugoBinary = (rootDir: string): string =>
  execFileSync('bash', [join(rootDir, 'scripts', 'services', 'centrifugo.sh'), 'path'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 }).trim();

/**
 * Centrifugo on loopback with anonymous clients allowed to subscribe and publish to any
 * channel (`client.insecure`), JSON over WebSocket, no history, presence or compression:
 * the same job as the relays, its defaults otherwise.
 */
const startCentrifugo = async (rootDir: string, binary: string): Promise<PeerSystem> => {
  const port = await freePort(HOST);
  const dir = mkdtempSync(join(tmpdir(), 'bench-centrifugo-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({
    http_server: { address: HOST, port },
    client: { insecure: true },
    health: { enabled: true },
    log: { level: 'error' },
  }));
  return childPeer('centrifugo', { executable: binary, args: ['--config', config] }, port, rootDir,
    (httpUrl) => (sizes) => channelPopulation(`${httpUrl.replace('http:', 'ws:')}/connection/websocket`, 'centrifugo', sizes));
};

/** The Socket.IO room relay of bench/peers/socketio-relay.main.ts. */
const startSocketIo = async (rootDir: string): Promise<PeerSystem> => {
  const port = await freePort(HOST);
  return childPeer('socketio', { mainPath: join(__dirname, 'socketio-relay.main.js') }, port, rootDir,
    (httpUrl) => (sizes) => channelPopulation(httpUrl.replace('http:', 'ws:'), 'socketio', sizes));
};

export interface PeerStartOptions {
  readonly rootDir: string;
  /** Extra environment for the ChatterRoom processes (rate limits off, the profiler). */
  readonly env: Readonly<Record<string, string>>;
  /** The Centrifugo binary, or undefined when it could not be built (that peer is then left out). */
  readonly centrifugo: string | undefined;
}

/** Starts one system of the comparison. */
export const startPeer = (name: PeerName, options: PeerStartOptions): Promise<PeerSystem> => {
  if (name === 'centrifugo') {
    if (options.centrifugo === undefined) throw new Error('no Centrifugo binary');
    return startCentrifugo(options.rootDir, options.centrifugo);
  }
  if (name === 'socketio') return startSocketIo(options.rootDir);
  return chatterroomPeer(name, options.rootDir, options.env);
};
