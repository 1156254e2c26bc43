import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { GrpcClientTls, GrpcServerTls } from '../grpc/grpc-tls';
import { ConfigError, EnvReader } from './env-reader';

type Env = Readonly<Record<string, string | undefined>>;

export const SERVICE_TOKEN_MIN_LENGTH = 32;

const readNamedFile = (name: string, path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`${name} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
};

const PEM_LABELS = { certificate: /-----BEGIN CERTIFICATE-----/, key: /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/ } as const;

/** A PEM file named by `name`, or undefined when `name` is not set. */
const optionalPem = (env: Env, name: string, holds: keyof typeof PEM_LABELS): Buffer | undefined => {
  const path = new EnvReader(env).optional(name);
  if (path === undefined) return undefined;
  const content = readNamedFile(name, path);
  if (!PEM_LABELS[holds].test(content.toString('latin1'))) throw new ConfigError(`${name} (${path}) must hold a PEM ${holds}`);
  return content;
};

/** Both or neither of a certificate and its key; a pair that does not match is refused here, not at the first call. */
const certificatePair = (env: Env, certName: string, keyName: string): { certChain: Buffer; privateKey: Buffer } | undefined => {
  const certChain = optionalPem(env, certName, 'certificate');
  const privateKey = optionalPem(env, keyName, 'key');
  if (certChain === undefined && privateKey === undefined) return undefined;
  if (certChain === undefined) throw new ConfigError(`${keyName} is set, so ${certName} must be too`);
  if (privateKey === undefined) throw new ConfigError(`${certName} is set, so ${keyName} must be too`);
  try {
    createSecureContext({ cert: certChain, key: privateKey });
  } catch (error) {
    throw new ConfigError(`${certName} and ${keyName} are not a matching certificate and key (${(error as Error).message})`);
  }
  return { certChain, privateKey };
};

/**
 * The TLS of a gRPC server (user-service, chat-service): GRPC_TLS_CERT_FILE and
 * GRPC_TLS_KEY_FILE turn it on; GRPC_TLS_CA_FILE then also requires every client to
 * present a certificate that CA signed (mTLS). Nothing set = plaintext.
 */
export const readGrpcServerTls = (env: Env): GrpcServerTls | undefined => {
  const pair = certificatePair(env, 'GRPC_TLS_CERT_FILE', 'GRPC_TLS_KEY_FILE');
  const clientCa = optionalPem(env, 'GRPC_TLS_CA_FILE', 'certificate');
  if (pair === undefined) {
    if (clientCa !== undefined) throw new ConfigError('GRPC_TLS_CA_FILE is set, so GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE must be too');
    return undefined;
  }
  return clientCa === undefined ? pair : { ...pair, clientCa };
};

/**
 * The TLS of every gRPC channel a process opens (gateway, chat-service): GRPC_TLS_CA_FILE
 * turns it on and is the CA the servers' certificates must come from;
 * GRPC_TLS_CLIENT_CERT_FILE and GRPC_TLS_CLIENT_KEY_FILE are the certificate shown for mTLS.
 */
export const readGrpcClientTls = (env: Env): GrpcClientTls | undefined => {
  const ca = optionalPem(env, 'GRPC_TLS_CA_FILE', 'certificate');
  const pair = certificatePair(env, 'GRPC_TLS_CLIENT_CERT_FILE', 'GRPC_TLS_CLIENT_KEY_FILE');
  if (ca === undefined) {
    if (pair !== undefined) throw new ConfigError('GRPC_TLS_CLIENT_CERT_FILE is set, so GRPC_TLS_CA_FILE must be too');
    return undefined;
  }
  return pair === undefined ? { ca } : { ca, ...pair };
};

/**
 * The secret services show each other (chat-service -> user-service), from SERVICE_TOKEN or
 * the file SERVICE_TOKEN_FILE names (Docker and Kubernetes secrets); one of them, at least 32 characters.
 */
export const readServiceToken = (env: Env): string => {
  const reader = new EnvReader(env);
  const file = reader.optional('SERVICE_TOKEN_FILE');
  const direct = reader.optional('SERVICE_TOKEN');
  if (file !== undefined && direct !== undefined) throw new ConfigError('set SERVICE_TOKEN or SERVICE_TOKEN_FILE, not both');
  if (file === undefined && direct === undefined) throw new ConfigError('SERVICE_TOKEN (or SERVICE_TOKEN_FILE) is required but not set');
  const token = file === undefined ? direct! : readNamedFile('SERVICE_TOKEN_FILE', file).toString('utf8').trim();
  const name = file === undefined ? 'SERVICE_TOKEN' : 'SERVICE_TOKEN_FILE';
  if (token.length < SERVICE_TOKEN_MIN_LENGTH) throw new ConfigError(`${name} must be at least ${SERVICE_TOKEN_MIN_LENGTH} characters`);
  if (!/^[\x21-\x7e]+$/.test(token)) throw new ConfigError(`${name} must be printable ASCII without spaces`);
  return token;
};
