import type { ChannelOptions } from '@grpc/grpc-js';

/**
 * Channel settings of every service-to-service client:
 * - keepalive pings every 30 s (also while idle), so a dead peer is noticed before the
 *   next call rather than by it; grpc-js servers accept pings at that rate.
 * - reconnect backoff capped at 2 s, so a restarted service is reached again quickly.
 * - no HTTP proxy: services talk on the internal network even when a proxy is configured.
 * - replies up to 16 MiB (a 200-message history page of 4000-character messages fits).
 * - round_robin over every address the target's name resolves to (replicas behind one DNS
 *   name, a Kubernetes headless Service), instead of grpc-js's default pick_first, which
 *   would send everything to the first address. Names are re-resolved when a connection
 *   drops or is aged out by the server (GRPC_SERVER_OPTIONS), so new replicas are found.
 */
export const GRPC_CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 2_000,
  'grpc.enable_http_proxy': 0,
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
};

/**
 * Server settings: a connection is closed gracefully (GOAWAY, calls in flight finish within
 * the grace) after 5 minutes, so clients re-resolve the service's name and spread onto
 * replicas started since they connected.
 */
export const GRPC_SERVER_OPTIONS: ChannelOptions = {
  'grpc.max_connection_age_ms': 5 * 60_000,
  'grpc.max_connection_age_grace_ms': 30_000,
};
