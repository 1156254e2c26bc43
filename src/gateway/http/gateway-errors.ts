import { DomainError } from '@chatterroom/kernel';

/** Error codes the gateway itself raises, next to the modules' own. */
export const GatewayErrors = {
  missingToken: () =>
    new DomainError('AUTH_MISSING_TOKEN', 'unauthenticated', 'An access token is required: send Authorization: Bearer <token>'),
  routeNotFound: (method: string, path: string) =>
    new DomainError('ROUTE_NOT_FOUND', 'not-found', `Route ${method} ${path} does not exist`),
  originNotAllowed: (origin: string) =>
    new DomainError('ORIGIN_NOT_ALLOWED', 'forbidden', `Origin ${origin.slice(0, 200)} is not allowed to call this API`),
  shuttingDown: () => new DomainError('NOT_READY', 'unavailable', 'This gateway is shutting down: connect to another one'),
  upgradeRequired: () => new DomainError('UPGRADE_REQUIRED', 'invalid', 'This endpoint only accepts WebSocket upgrades'),
} as const;
