import { createSocketProcessContainer } from '@chatterroom/composition/socket-process.container';
import { IpcPortClient, processChannel } from '@chatterroom/platform/ipc';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { MonolithConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { serveGateway } from './serve-gateway';
import { answerMetricsRequests } from '@chatterroom/platform/metrics/cluster-metrics';
import { enableProcessMetrics } from '@chatterroom/platform/metrics/metrics-endpoint';

/**
 * One socket process of the monolith: the gateway app over the modules' process's ports
 * (IPC). It drains and exits when the modules' process asks, and exits when that process is gone.
 */
export const startSocketProcess = async (config: MonolithConfig, logger: AppLogger): Promise<RunningRole> => {
  const client = new IpcPortClient(processChannel());
  process.once('disconnect', () => {
    client.disconnected();
    logger.error({}, 'the modules process is gone: exiting');
    process.exit(1);
  });
  const running = await serveGateway(await createSocketProcessContainer(logger, client), config.http, logger, {
    graphql: config.graphql,
    corsOrigins: config.corsOrigins,
    edge: config.edge,
    presenceTtlSeconds: config.presenceTtlSeconds,
    metrics: null,
  });
  enableProcessMetrics();
  answerMetricsRequests();
  client.onShutdown(() => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'socket process shutdown failed');
        process.exit(1);
      },
    );
  });
  return running;
};
