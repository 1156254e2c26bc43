/** Who made a gRPC call, as the server established it from the call's credential. */
export type GrpcCaller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly userId: number }
  | { readonly kind: 'service' };

/**
 * Which callers one RPC accepts:
 * - `open`: anyone, no credential read (registration and sign-in);
 * - `user`: a valid end-user token; when `actingUserField` is set, that request field must be the
 *   token's subject (the user the call acts as); `services` also admits the service identity.
 */
export type GrpcAccessRule =
  | { readonly kind: 'open' }
  | { readonly kind: 'user'; readonly actingUserField?: string; readonly services?: boolean };

/** The access rule of every RPC of one service, by the proto's method name. */
export type GrpcAccessTable = Readonly<Record<string, GrpcAccessRule>>;

export const RpcAccess = {
  open: (): GrpcAccessRule => ({ kind: 'open' }),
  /** Any signed-in user (whatever the request names); with `services`, also another service. */
  anyUser: (options: { services?: boolean } = {}): GrpcAccessRule => ({ kind: 'user', services: options.services ?? false }),
  /** A signed-in user acting as themself: `field` of the request must equal the token's subject. */
  actingUser: (field: string): GrpcAccessRule => ({ kind: 'user', actingUserField: field }),
} as const;

/** The signed-in user of a call, or undefined for a service or an anonymous call. */
export const userIdOf = (caller: GrpcCaller): number | undefined => (caller.kind === 'user' ? caller.userId : undefined);
