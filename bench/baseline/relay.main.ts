import { buildRelayServer } from './relay-server';

/**
 * `node dist/bench/bench/baseline/relay.main.js`: the baseline relay on HOST:PORT until
 * SIGTERM/SIGINT; RELAY_COALESCE=0 makes it write each frame separately.
 */
const main = async (): Promise<void> => {
  const app = await buildRelayServer({ coalesce: process.env.RELAY_COALESCE !== '0' });
  await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 3100) });
  const stop = () => {
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main().catch((error: unknown) => {
  process.stderr.write(`baseline relay failed to start: ${String(error)}\n`);
  process.exit(1);
});
