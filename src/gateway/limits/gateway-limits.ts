import type { Logger } from '@chatterroom/kernel';
import type { GatewayDeps } from '../gateway-deps';
import { AccountLimits } from './account-limits';
import { ConnectionSlots } from './connection-slots';
import type { LimitsOptions } from './limits-options';
import { RateLimitedMessaging } from './rate-limited-messaging';

/** Every abuse limit of one gateway app, over the limiters the composition root chose. */
export interface GatewayLimits {
  readonly options: LimitsOptions;
  readonly accounts: AccountLimits;
  readonly connections: ConnectionSlots;
}

/** The limits, and the ports as the APIs use them (sends counted per user). */
export const applyLimits = (deps: GatewayDeps, options: LimitsOptions, logger: Logger): { deps: GatewayDeps; limits: GatewayLimits } => ({
  deps: { ...deps, messaging: new RateLimitedMessaging(deps.messaging, deps.rateLimiter, options.messagesPerUser) },
  limits: {
    options,
    accounts: new AccountLimits(deps.rateLimiter, options),
    connections: new ConnectionSlots(deps.concurrencyLimiter, options.wsConnectionsPerUser, logger),
  },
});
