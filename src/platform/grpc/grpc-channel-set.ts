import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ChannelOptions, Client } from '@grpc/grpc-js';
import type { Logger } from '@chatterroom/kernel';
import { hostAndPortOf } from './grpc-targets';

/** Every address a host name resolves to, as the system resolver answers (hosts file, then DNS), as grpc-js resolves. */
export type LookupAddresses = (host: string) => Promise<string[]>;

export const systemLookup: LookupAddresses = async (host) => (await lookup(host, { all: true })).map(({ address }) => address);

/** Makes the channel of one target; `options` are added to the client's own. */
export type MakeChannel = (target: string, options: ChannelOptions) => Client;

/** How often a `dns:///` name is resolved again (replicas come and go). */
export const RESOLVE_EVERY_MS = 30_000;
/** Soonest a failing channel makes a name resolve again. */
const RESOLVE_AGAIN_AFTER_MS = 2_000;
/** A channel whose address left the name is closed this long after, once the calls on it have ended. */
const CLOSE_AFTER_MS = 30_000;

const DNS_PREFIX = 'dns:///';

/** A `dns:///host:port` entry: a channel per address the host resolves to, or grpc-js's own resolving channel until the first answer. */
interface ResolvedName {
  readonly host: string;
  readonly port: number;
  readonly byAddress: Map<string, Client>;
  fallback: Client | undefined;
}

type Entry = { readonly client: Client } | ResolvedName;

const addressTarget = (address: string, port: number): string => (isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`);

/**
 * The channels of one gRPC address setting (see grpc-targets), in an order every process derives
 * alike: a `host:port` entry is one channel (grpc-js balances over the name's addresses), and a
 * `dns:///host:port` entry one channel per address its host resolves to, sorted, so a caller can
 * send the calls of one key to one replica behind a name (a Kubernetes headless Service, Docker's
 * service name). The name is resolved at start, every {@link RESOLVE_EVERY_MS}, and soon after a
 * channel fails; until the first answer (or while the name resolves to nothing) the entry is
 * grpc-js's own `dns:///` channel. A channel to an address dialled by IP checks the server's TLS
 * certificate against the host name, as dialling the name does.
 */
export class GrpcChannelSet {
  private readonly entries: Entry[];
  private list: readonly Client[] = [];
  private lastResolve = 0;
  private resolving: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Channels retired and not closed yet (calls may still run on them). */
  private readonly retiring = new Set<Client>();

  constructor(
    targets: readonly string[],
    private readonly makeChannel: MakeChannel,
    private readonly lookupAddresses: LookupAddresses,
    private readonly logger: Logger,
  ) {
    this.entries = targets.map((target) => {
      if (!target.startsWith(DNS_PREFIX)) return { client: makeChannel(target, {}) };
      const { host, port } = hostAndPortOf(target);
      if (isIP(host) !== 0) return { client: makeChannel(addressTarget(host, port), {}) };
      return { host, port, byAddress: new Map(), fallback: makeChannel(target, {}) };
    });
    this.rebuild();
    if (this.entries.some((entry) => 'host' in entry)) {
      void this.resolveNow();
      this.timer = setInterval(() => void this.resolveNow(), RESOLVE_EVERY_MS);
      this.timer.unref();
    }
  }

  /** The channels now, in the order every process derives from the same answers. Never empty. */
  channels(): readonly Client[] {
    return this.list;
  }

  /** A channel is failing: resolve the names again soon (a replica may have gone, or come). */
  channelFailing(): void {
    if (Date.now() - this.lastResolve >= RESOLVE_AGAIN_AFTER_MS) void this.resolveNow();
  }

  /** Resolves every name now (at most one resolution at a time); resolves once applied. Never rejects. */
  resolveNow(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.resolving ??= this.resolveAll()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'gRPC target: could not apply the name\'s addresses; keeping its channels'))
      .finally(() => (this.resolving = undefined));
    return this.resolving;
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    for (const entry of this.entries) {
      if ('client' in entry) entry.client.close();
      else for (const client of [...entry.byAddress.values(), ...(entry.fallback === undefined ? [] : [entry.fallback])]) client.close();
    }
    for (const client of this.retiring) client.close();
    this.retiring.clear();
  }

  private async resolveAll(): Promise<void> {
    this.lastResolve = Date.now();
    let changed = false;
    for (const entry of this.entries) {
      if ('client' in entry) continue;
      let addresses: string[];
      try {
        addresses = [...new Set(await this.lookupAddresses(entry.host))].sort();
      } catch (error) {
        this.logger.debug({ err: error, host: entry.host }, 'gRPC target: the name does not resolve now; keeping its channels');
        continue;
      }
      if (this.closed || addresses.length === 0) continue;
      changed = this.apply(entry, addresses) || changed;
    }
    if (changed && !this.closed) this.rebuild();
  }

  /** Opens channels to new addresses and retires those the name no longer lists; true when the set changed. */
  private apply(entry: ResolvedName, addresses: readonly string[]): boolean {
    const wanted = new Set(addresses);
    const retired = [...entry.byAddress].filter(([address]) => !wanted.has(address));
    const added = addresses.filter((address) => !entry.byAddress.has(address));
    for (const [address, client] of retired) {
      entry.byAddress.delete(address);
      this.closeLater(client);
    }
    for (const address of added) {
      entry.byAddress.set(address, this.makeChannel(addressTarget(address, entry.port), {
        'grpc.ssl_target_name_override': entry.host,
        'grpc.default_authority': `${entry.host}:${entry.port}`,
      }));
    }
    const fallback = entry.fallback;
    entry.fallback = undefined;
    if (fallback !== undefined) this.closeLater(fallback);
    const changed = added.length > 0 || retired.length > 0 || fallback !== undefined;
    if (changed) this.logger.info({ host: entry.host, addresses }, 'gRPC target: the name resolves to these replicas');
    return changed;
  }

  private rebuild(): void {
    this.list = this.entries.flatMap((entry) => {
      if ('client' in entry) return [entry.client];
      const sorted = [...entry.byAddress.keys()].sort().map((address) => entry.byAddress.get(address) as Client);
      return sorted.length > 0 ? sorted : [entry.fallback as Client];
    });
  }

  private closeLater(client: Client): void {
    this.retiring.add(client);
    setTimeout(() => {
      if (this.retiring.delete(client)) client.close();
    }, CLOSE_AFTER_MS).unref();
  }
}
