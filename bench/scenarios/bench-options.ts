/** Every knob of a run; `full` and `smoke` are the two presets, flags override either. */
export interface BenchOptions {
  /** `smoke`: a few clients for about a second per phase (CI); `full`: the published configuration. */
  readonly preset: 'full' | 'smoke';
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  /** Longest wait after a phase for messages still on their way. */
  readonly drainSeconds: number;
  /** Load-generator processes for socket scenarios. */
  readonly generators: number;
  /** fanout: room sizes; senders per room; messages in flight per sender at max. */
  readonly roomSizes: readonly number[];
  readonly senders: number;
  readonly window: number;
  /**
   * fanout at max: copies in flight aimed at (senders x window x room size), so a big
   * room's latency at saturation measures the server rather than a deep client-side queue.
   */
  readonly inFlightDeliveries: number;
  /** The fixed-rate phase runs at this fraction of the target's own measured maximum. */
  readonly fixedFraction: number;
  /** direct: pairs of users; messages in flight per sender at max. */
  readonly pairs: number;
  readonly directWindow: number;
  /**
   * direct: an unmeasured closed-loop phase first, this long (then drained), so every pair
   * has a conversation and chat-service has cached that each recipient exists.
   */
  readonly primeSeconds: number;
  /** http: autocannon connections over all gateways; members of the room posted to. */
  readonly httpConnections: number;
  readonly httpRoomSize: number;
  /** room: connections posting into the one room at once. */
  readonly roomConnections: number;
  /** The whole run's time limit in seconds (`--budget`); 0: a fixed budget per scenario and target. */
  readonly budgetSeconds: number;
  /** conversations: how many conversations the measured user is in. */
  readonly conversations: number;
  /** conversations: rooms of these member counts, where adding a member and posting a message are timed. */
  readonly memberRoomSizes: readonly number[];
  /** connections: idle sockets to open on one gateway, spread over this many users, held this long. */
  readonly connections: number;
  readonly connectionUsers: number;
  readonly holdSeconds: number;
  /** Characters of filler in each message (the marker adds about 30). */
  readonly padding: number;
  /** peers: room sizes, repetitions (each runs every system, interleaved), idle sockets per system for memory. */
  readonly peerRoomSizes: readonly number[];
  readonly repetitions: number;
  readonly idleSockets: number;
}

export const FULL: BenchOptions = {
  preset: 'full',
  warmupSeconds: 1.5,
  durationSeconds: 4,
  drainSeconds: 5,
  generators: 2,
  roomSizes: [10, 100, 1000],
  senders: 4,
  window: 8,
  inFlightDeliveries: 2_000,
  fixedFraction: 0.5,
  pairs: 200,
  directWindow: 1,
  primeSeconds: 3,
  httpConnections: 20,
  httpRoomSize: 10,
  roomConnections: 128,
  budgetSeconds: 0,
  conversations: 1_000,
  memberRoomSizes: [100, 10_000],
  connections: 10_000,
  connectionUsers: 500,
  holdSeconds: 5,
  padding: 40,
  peerRoomSizes: [100, 1000],
  repetitions: 3,
  idleSockets: 4_000,
};

export const SMOKE: BenchOptions = {
  ...FULL,
  preset: 'smoke',
  warmupSeconds: 0.3,
  durationSeconds: 1,
  drainSeconds: 5,
  generators: 1,
  roomSizes: [5, 20],
  senders: 2,
  window: 2,
  inFlightDeliveries: 100,
  pairs: 4,
  primeSeconds: 0.5,
  httpConnections: 2,
  httpRoomSize: 3,
  roomConnections: 4,
  conversations: 5,
  memberRoomSizes: [3, 6],
  connections: 40,
  connectionUsers: 8,
  holdSeconds: 0.5,
  peerRoomSizes: [5, 20],
  repetitions: 1,
  idleSockets: 20,
};
