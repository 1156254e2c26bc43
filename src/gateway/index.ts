export { buildGatewayApp, GOING_AWAY, MAX_PAYLOAD_BYTES, type GatewayAppOptions } from './gateway-app';
export type { GatewayDeps } from './gateway-deps';
