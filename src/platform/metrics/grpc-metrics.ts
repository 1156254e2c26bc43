import { Counter, Gauge, Histogram, register } from 'prom-client';

/** Seconds, from sub-millisecond loopback calls up to the longest deadline (120 s). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];

/** Server side: one observation per call a service answered, by RPC and gRPC status. */
export const grpcServerCallDuration = new Histogram({
  name: 'chatterroom_grpc_server_call_duration_seconds',
  help: 'gRPC calls served by this process, by RPC (service/method) and gRPC status name',
  labelNames: ['method', 'code'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [register],
});

/** Calls of this process's gRPC services waiting for their turn (GRPC_MAX_CONCURRENT_CALLS). */
export const grpcServerCallsWaiting = new Gauge({
  name: 'chatterroom_grpc_server_calls_waiting',
  help: 'gRPC calls waiting for their turn to run (GRPC_MAX_CONCURRENT_CALLS are running)',
  registers: [register],
});

/** Calls refused without running because their deadline passed while they waited: the service is overloaded. */
export const grpcServerCallsShed = new Counter({
  name: 'chatterroom_grpc_server_calls_shed_total',
  help: 'gRPC calls refused unstarted (DEADLINE_EXCEEDED) because their deadline passed while they waited for their turn, by RPC',
  labelNames: ['method'] as const,
  registers: [register],
});

/** Client side: one observation per call (retries included), by RPC and outcome. */
export const grpcClientCallDuration = new Histogram({
  name: 'chatterroom_grpc_client_call_duration_seconds',
  help: 'gRPC calls made by this process (retries included), by RPC and outcome (OK or the error code)',
  labelNames: ['method', 'code'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [register],
});
