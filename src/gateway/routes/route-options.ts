import type { GatewayDeps } from '../gateway-deps';

/** What every route plugin is registered with. */
export interface RouteGroupOptions {
  readonly deps: GatewayDeps;
}
