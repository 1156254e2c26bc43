/** The three dot-separated segments of a compact JWS, undecoded. */
export interface JwtSegments {
  readonly header: string;
  readonly payload: string;
  readonly signature: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const encodeJsonSegment = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Splits a token into its segments, or returns null when it is not three non-empty base64url strings. */
export const splitJwt = (token: unknown): JwtSegments | null => {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return null;
  const [header, payload, signature] = parts as [string, string, string];
  return { header, payload, signature };
};

/**
 * Decodes a base64url segment holding a JSON object, or returns null. Only the
 * canonical encoding is accepted (Node's decoder would ignore stray bits and padding).
 */
export const decodeJsonSegment = (segment: string): Record<string, unknown> | null => {
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) return null;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
};
