export { buildGatewayApp, GOING_AWAY, MAX_PAYLOAD_BYTES, DEFAULT_GRAPHQL_OPTIONS, type GatewayAppOptions, type GraphqlOptions, DEFAULT_LIMITS, DEFAULT_HTTP_TIMEOUTS, type LimitsOptions, type HttpTimeouts } from './gateway-app';
export type { GatewayDeps } from './gateway-deps';
