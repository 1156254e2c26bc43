import { Metadata } from '@grpc/grpc-js';
import { CallerCredential } from '@chatterroom/kernel';
import { AUTHORIZATION_METADATA_KEY, BEARER_SCHEME, credentialValue, SERVICE_SCHEME } from './grpc-credential-metadata';

/** What a client attaches to each call it makes: the metadata carrying its credential. */
export type GrpcCallCredentials = () => Metadata;

const metadataWith = (value: string | undefined): Metadata => {
  const metadata = new Metadata();
  if (value !== undefined) metadata.set(AUTHORIZATION_METADATA_KEY, value);
  return metadata;
};

/**
 * The gateway's credential: the end user's access token of the request in progress
 * ({@link CallerCredential}); none outside a request, so the service refuses everything but open RPCs.
 */
export const forwardedCallerToken: GrpcCallCredentials = () => {
  const token = CallerCredential.current();
  return metadataWith(token === undefined ? undefined : credentialValue(BEARER_SCHEME, token));
};

/** A service's own identity (SERVICE_TOKEN), whoever the work is for: services never forward users' tokens. */
export const serviceIdentity =
  (serviceToken: string): GrpcCallCredentials =>
  () =>
    metadataWith(credentialValue(SERVICE_SCHEME, serviceToken));

/** No credential: for clients of open RPCs only (and tests). */
export const noCallCredentials: GrpcCallCredentials = () => new Metadata();
