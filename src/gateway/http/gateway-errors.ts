import { DomainError } from '../../../modules/kernel';

/** Error codes the gateway itself raises, next to the modules' own. */
export const GatewayErrors = {
  missingToken: () =>
    new DomainError('AUTH_MISSING_TOKEN', 'unauthenticated', 'An access token is required: send Authorization: Bearer <token>'),
  routeNotFound: (method: string, path: string) =>
    new DomainError('ROUTE_NOT_FOUND', 'not-found', `Route ${method} ${path} does not exist`),
  upgradeRequired: () => new DomainError('UPGRADE_REQUIRED', 'invalid', 'This endpoint only accepts WebSocket upgrades'),
} as const;
