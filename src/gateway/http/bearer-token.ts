const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The token of an `Authorization: Bearer <token>` header; undefined for any other header. */
export const bearerTokenOf = (authorization: string | undefined): string | undefined =>
  authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];

/** The `?token=` query parameter, when given once and not empty. */
export const queryTokenOf = (query: unknown): string | undefined => {
  if (typeof query !== 'object' || query === null) return undefined;
  const token = (query as Record<string, unknown>).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
};

/** The `?ticket=` query parameter (a single-use WebSocket ticket), when given once and not empty. */
export const queryTicketOf = (query: unknown): string | undefined => {
  if (typeof query !== 'object' || query === null) return undefined;
  const ticket = (query as Record<string, unknown>).ticket;
  return typeof ticket === 'string' && ticket !== '' ? ticket : undefined;
};
