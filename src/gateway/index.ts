export { buildGatewayApp, GOING_AWAY, MAX_PAYLOAD_BYTES, DEFAULT_GRAPHQL_OPTIONS, type GatewayAppOptions, type GraphqlOptions } from './gateway-app';
export type { GatewayDeps } from './gateway-deps';
