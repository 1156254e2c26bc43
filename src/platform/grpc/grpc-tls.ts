import { credentials, ServerCredentials, type ChannelCredentials } from '@grpc/grpc-js';

/** A gRPC server's TLS: its certificate, and the CA its clients' certificates must come from (mTLS). */
export interface GrpcServerTls {
  readonly certChain: Buffer;
  readonly privateKey: Buffer;
  /** When set, every client must present a certificate this CA signed (mTLS). */
  readonly clientCa?: Buffer;
}

/** A gRPC client's TLS: the CA the server's certificate must come from, and its own certificate for mTLS. */
export interface GrpcClientTls {
  readonly ca: Buffer;
  readonly certChain?: Buffer;
  readonly privateKey?: Buffer;
}

/** Plaintext without `tls` (a private network only); TLS, and mTLS with a client CA, with it. */
export const serverCredentialsOf = (tls: GrpcServerTls | undefined): ServerCredentials =>
  tls === undefined
    ? ServerCredentials.createInsecure()
    : ServerCredentials.createSsl(tls.clientCa ?? null, [{ cert_chain: tls.certChain, private_key: tls.privateKey }], tls.clientCa !== undefined);

/** Plaintext without `tls`; TLS verifying the server (and presenting a client certificate when given) with it. */
export const channelCredentialsOf = (tls: GrpcClientTls | undefined): ChannelCredentials =>
  tls === undefined ? credentials.createInsecure() : credentials.createSsl(tls.ca, tls.privateKey ?? null, tls.certChain ?? null);
