/** The call metadata key every credential travels in. */
export const AUTHORIZATION_METADATA_KEY = 'authorization';
/** `authorization: Bearer <access token>`: an end user's token, forwarded by the gateway. */
export const BEARER_SCHEME = 'Bearer';
/** `authorization: Service <service token>`: the identity services share (SERVICE_TOKEN). */
export const SERVICE_SCHEME = 'Service';

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** The metadata value of a credential; undefined when the token cannot travel as ASCII metadata. */
export const credentialValue = (scheme: string, token: string): string | undefined =>
  PRINTABLE_ASCII.test(token) ? `${scheme} ${token}` : undefined;

/** Splits `Scheme token`; undefined when the value has another shape. */
export const parseCredential = (value: string): { scheme: string; token: string } | undefined => {
  const match = /^([A-Za-z]+) +(\S+)$/.exec(value.trim());
  return match === null ? undefined : { scheme: match[1]!, token: match[2]! };
};
