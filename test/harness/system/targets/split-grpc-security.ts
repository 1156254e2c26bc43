import { makeDevCerts } from '../../dev-certs';
import type { GrpcClientTlsFiles } from '../sut-endpoints';

type Env = Record<string, string>;

/** The gRPC security settings of each role of a split target, and what a test client needs to join in. */
export interface SplitGrpcSecurity {
  readonly users: Env;
  readonly chat: Env;
  readonly gateway: Env;
  /** A gateway's client certificate, for the harness's own probes and tests; undefined = plaintext. */
  readonly clientTls?: GrpcClientTlsFiles;
  release(): void;
}

/**
 * Plaintext with the service token in SERVICE_TOKEN; or, with `tls`, mTLS everywhere as
 * docker-compose.split.yml runs it: certificates and the service token (SERVICE_TOKEN_FILE)
 * from scripts/dev-certs.sh, in a directory removed on release.
 */
export const splitGrpcSecurity = (serviceToken: string, tls: boolean): SplitGrpcSecurity => {
  if (!tls) {
    return { users: { SERVICE_TOKEN: serviceToken }, chat: { SERVICE_TOKEN: serviceToken }, gateway: {}, release: () => undefined };
  }
  const certs = makeDevCerts();
  const server = (name: string): Env => ({
    SERVICE_TOKEN_FILE: certs.path('service-token'),
    GRPC_TLS_CERT_FILE: certs.path(`${name}.crt`),
    GRPC_TLS_KEY_FILE: certs.path(`${name}.key`),
    GRPC_TLS_CA_FILE: certs.path('ca.crt'),
  });
  const client = (name: string): Env => ({
    GRPC_TLS_CA_FILE: certs.path('ca.crt'),
    GRPC_TLS_CLIENT_CERT_FILE: certs.path(`${name}.crt`),
    GRPC_TLS_CLIENT_KEY_FILE: certs.path(`${name}.key`),
  });
  return {
    users: server('user-service'),
    chat: { ...server('chat-service'), ...client('chat-service') },
    gateway: client('gateway'),
    clientTls: { caFile: certs.path('ca.crt'), certFile: certs.path('gateway.crt'), keyFile: certs.path('gateway.key') },
    release: () => certs.remove(),
  };
};
