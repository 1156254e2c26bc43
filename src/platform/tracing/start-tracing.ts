import type { Logger } from '@chatterroom/kernel';

type Env = Readonly<Record<string, string | undefined>>;

/** A started OpenTelemetry SDK: flushes and stops on shutdown. */
export interface RunningTracing {
  shutdown(): Promise<void>;
}

/** The OTEL_* variables this code reads itself; the SDK reads the rest of its standard ones. */
export const TRACING_VARIABLES = [
  'OTEL_SDK_DISABLED', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_TRACES_EXPORTER', 'OTEL_SERVICE_NAME',
] as const;

/** True when the standard OTEL_* variables ask for traces (and OTEL_SDK_DISABLED does not forbid them). */
export const tracingRequested = (env: Env): boolean =>
  env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true' &&
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_TRACES_EXPORTER'].some((name) => (env[name]?.trim() ?? '') !== '') &&
  env.OTEL_TRACES_EXPORTER?.trim() !== 'none';

/**
 * Starts the OpenTelemetry Node SDK when `tracingRequested`, else does nothing (the SDK is not
 * even loaded). Everything else is the SDK's standard OTEL_* configuration: OTEL_SERVICE_NAME
 * (default `chatterroom-<role>`), OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL / _HEADERS,
 * OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES, ... Spans come from our own code (HTTP
 * routes, gRPC calls both sides, RabbitMQ publish and consume) with W3C trace context in
 * HTTP headers, gRPC metadata and AMQP message headers.
 */
export const startTracing = async (role: string, env: Env, logger: Logger): Promise<RunningTracing | undefined> => {
  if (!tracingRequested(env)) return undefined;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME?.trim() || `chatterroom-${role}`, instrumentations: [] });
  sdk.start();
  logger.info({ exporter: env.OTEL_TRACES_EXPORTER ?? 'otlp', endpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT }, 'OpenTelemetry tracing on');
  return { shutdown: () => sdk.shutdown() };
};
