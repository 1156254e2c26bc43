import { FULL, SMOKE, type BenchOptions } from './scenarios/bench-options';
import { NAMED_SCENARIOS, SCENARIOS } from './scenarios';
import type { Scenario } from './scenarios/scenario';
import { PEER_NAMES, type PeerName } from './peers/peer-targets';
import { DEFAULT_TARGET_NAMES, TARGET_NAMES, type TargetName } from './targets/bench-target';

/** The scenario that runs ChatterRoom beside its peers (Centrifugo, Socket.IO, the raw relay) instead of per target. */
export const PEERS = 'peers';

export const USAGE = `npm run bench -- <scenario>[,<scenario>...]|all [flags]

scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}, ${PEERS} (all); ${NAMED_SCENARIOS.map((scenario) => scenario.name).join(', ')} (by name, without baseline)
  ${PEERS}: fan-out and latency on the monolith, Centrifugo (built once with Go into .tools/), a Socket.IO relay and the
         raw relay, all running at once, phases interleaved, --repetitions rounds; figures as ratios to the best system
flags:
  --peers ${PEER_NAMES.join(',')}   systems of the peers scenario (default: all)
  --peer-sizes 100,1000 --repetitions <n> --idle-sockets <n>   (peers)
  --targets baseline,monolith,monolith-sqlite,split   targets to run, in this order (default: all four; also split-2chat, split-3chat:
                                      the split deployment with two or three chat-service replicas the gateways dial as a list;
                                      monolith keeps data in memory, monolith-sqlite in SQLite files in a temp DATA_DIR)
  --smoke                             a tiny configuration (a few clients, ~1 s per phase), as CI runs it
  --out <file.json>                   where the JSON goes (default: bench/results/<scenarios>-<time>.json)
  --cpu-prof <dir>                    CPU-profile every server process (V8 profiler), profiles under <dir>/<target>/<scenario>/
  --naive-baseline                    the relay writes every frame with its own system call (no per-tick coalescing)
  --server-root <dir>                 run monolith(-sqlite)/split from <dir>/dist instead of this checkout's (A/B comparisons)
  --duration <s> --warmup <s> --drain <s> --generators <n> --budget <s> (the whole run's time limit)
  --sizes 10,100,1000 --senders <n> --window <n> --in-flight <copies> --fraction <0..1>   (fanout; fraction also direct/http)
  --pairs <n> --direct-window <n> --prime <s>                           (direct)
  --http-connections <n>                                                (http)
  --room-connections <n>                                                (room: one room's ceiling, default 128)
  --conversations <n> --member-sizes 100,10000                          (conversations: the user's conversations, default 1000; rooms where adding a member and a message are timed)
  --connections <n> --connection-users <n> --hold <s>                   (connections)`;

export interface CliArgs {
  readonly scenarios: readonly Scenario[];
  readonly targets: readonly TargetName[];
  readonly options: BenchOptions;
  readonly out?: string;
  readonly cpuProfDir?: string;
  /** Another checkout (or copy) whose dist/ the monolith and split targets run from, for before/after comparisons. */
  readonly serverRoot?: string;
  /** The baseline relay writes each frame with its own system call (no per-tick coalescing). */
  readonly naiveBaseline: boolean;
  /** The systems of the peers scenario, when it runs. */
  readonly peers?: readonly PeerName[];
}

const NUMERIC: Readonly<Record<string, keyof BenchOptions>> = {
  '--duration': 'durationSeconds', '--warmup': 'warmupSeconds', '--drain': 'drainSeconds', '--generators': 'generators',
  '--senders': 'senders', '--window': 'window', '--in-flight': 'inFlightDeliveries', '--fraction': 'fixedFraction', '--pairs': 'pairs',
  '--direct-window': 'directWindow', '--prime': 'primeSeconds', '--http-connections': 'httpConnections', '--room-connections': 'roomConnections', '--conversations': 'conversations', '--budget': 'budgetSeconds', '--connections': 'connections',
  '--connection-users': 'connectionUsers', '--hold': 'holdSeconds', '--repetitions': 'repetitions', '--idle-sockets': 'idleSockets',
};

const positive = (flag: string, raw: string | undefined): number => {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number, got ${raw}`);
  return value;
};

/** Parses `argv` (after the script name); throws with a message for the user on a mistake. */
export const parseCliArgs = (argv: readonly string[]): CliArgs => {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('--')) throw new Error('name a scenario');
  const names = first === 'all' ? [...SCENARIOS.map((scenario) => scenario.name), PEERS] : first.split(',');
  let peers: readonly PeerName[] | undefined = names.includes(PEERS) ? PEER_NAMES : undefined;
  const scenarios = names.filter((name) => name !== PEERS).map((name) => {
    const found = [...SCENARIOS, ...NAMED_SCENARIOS].find((scenario) => scenario.name === name);
    if (found === undefined) throw new Error(`unknown scenario "${name}"`);
    return found;
  });
  const smoke = rest.includes('--smoke');
  const naiveBaseline = rest.includes('--naive-baseline');
  const options: Record<string, unknown> = { ...(smoke ? SMOKE : FULL) };
  let targets: readonly TargetName[] = DEFAULT_TARGET_NAMES;
  let out: string | undefined;
  let cpuProfDir: string | undefined;
  let serverRoot: string | undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index] as string;
    if (flag === '--smoke' || flag === '--naive-baseline') continue;
    const value = rest[index + 1];
    index += 1;
    if (flag === '--targets') {
      targets = (value ?? '').split(',').map((name) => {
        if (!(TARGET_NAMES as readonly string[]).includes(name)) throw new Error(`unknown target "${name}"`);
        return name as TargetName;
      });
    } else if (flag === '--peers') {
      peers = (value ?? '').split(',').map((name) => {
        if (!(PEER_NAMES as readonly string[]).includes(name)) throw new Error(`unknown peer "${name}"`);
        return name as PeerName;
      });
    } else if (flag === '--out') out = value;
    else if (flag === '--peer-sizes') options.peerRoomSizes = (value ?? '').split(',').map((size) => positive(flag, size));
    else if (flag === '--cpu-prof') cpuProfDir = value;
    else if (flag === '--server-root') serverRoot = value;
    else if (flag === '--member-sizes') options.memberRoomSizes = (value ?? '').split(',').map((size) => positive(flag, size));
    else if (flag === '--sizes') options.roomSizes = (value ?? '').split(',').map((size) => positive(flag, size));
    else if (NUMERIC[flag] !== undefined) options[NUMERIC[flag]] = positive(flag, value);
    else throw new Error(`unknown flag ${flag}`);
  }
  if (peers !== undefined && !names.includes(PEERS)) throw new Error(`--peers needs the ${PEERS} scenario`);
  return { scenarios, targets, naiveBaseline, options: options as unknown as BenchOptions, ...(out ? { out } : {}), ...(cpuProfDir ? { cpuProfDir } : {}),
    ...(serverRoot ? { serverRoot } : {}), ...(peers ? { peers } : {}) };
};
