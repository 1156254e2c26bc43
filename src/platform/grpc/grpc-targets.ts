/**
 * The gRPC address settings (USERS_GRPC_ADDRESS, CHAT_GRPC_ADDRESS) and the channel targets
 * they stand for:
 * - `host:port`: one name; every address it resolves to is used, round-robin;
 * - `dns:///host:port`: every address of the name as a replica of its own (Kubernetes headless
 *   Services, Docker's service names), resolved again as replicas come and go (GrpcChannelSet);
 * - `host1:port1,host2:port2,...` (each entry either form): one channel per entry, calls
 *   spread over them round-robin (see GrpcUnaryClient).
 */
const HOST_PORT = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;
const DNS_PREFIX = 'dns:///';

const isTarget = (entry: string): boolean => {
  const hostPort = entry.startsWith(DNS_PREFIX) ? entry.slice(DNS_PREFIX.length) : entry;
  if (!HOST_PORT.test(hostPort)) return false;
  const port = Number(hostPort.slice(hostPort.lastIndexOf(':') + 1));
  return port >= 1 && port <= 65535;
};

/** The entries of a comma-separated setting, trimmed; undefined when one is not a target. */
export const grpcTargetsOf = (address: string): readonly string[] | undefined => {
  const entries = address.split(',').map((entry) => entry.trim());
  return entries.length > 0 && entries.every(isTarget) ? entries : undefined;
};

/** The `host` and `port` one target dials (without `dns:///`, brackets kept off an IPv6 host). */
export const hostAndPortOf = (target: string): { host: string; port: number } => {
  const hostPort = target.startsWith(DNS_PREFIX) ? target.slice(DNS_PREFIX.length) : target;
  const colon = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(hostPort.slice(colon + 1)) };
};

/** What a malformed setting is told it must be. */
export const GRPC_ADDRESS_FORMS = 'host:port, dns:///host:port, or a comma-separated list of them';
