import { runFlowPhase } from './flow-phase';
import type { Envelope, GeneratorAnswer, GeneratorCommand } from './generator-protocol';
import { runHttpPhase } from './http-phase';
import { runPingPhase } from './ping-phase';
import { SocketPool } from './socket-pool';

/**
 * A load-generator process, forked by the bench orchestrator: it holds WebSockets and
 * runs phases on command (IPC), and exits when told to or when its parent goes away.
 */
const pool = new SocketPool();

const handle = async (command: GeneratorCommand): Promise<unknown> => {
  switch (command.kind) {
    case 'connect':
      return pool.connect(command.sockets, command.concurrency, command.timeoutMs);
    case 'flows':
      return runFlowPhase(pool, command.plan);
    case 'pings':
      return runPingPhase(pool, command.count, command.spreadMs, command.timeoutMs);
    case 'http':
      return runHttpPhase(command.plan);
    case 'close-sockets':
      pool.close(command.from, command.count);
      return { closed: command.count };
    case 'status':
      return { open: pool.openCount() };
    case 'close':
      pool.closeAll();
      setTimeout(() => process.exit(0), 50);
      return { closed: true };
  }
};

const answer = (seq: number, body: GeneratorAnswer): void => {
  process.send?.({ seq, body } satisfies Envelope<GeneratorAnswer>);
};

process.on('message', (message: Envelope<GeneratorCommand>) => {
  handle(message.body).then(
    (result) => answer(message.seq, { ok: true, result }),
    (error: unknown) => answer(message.seq, { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => {
  pool.closeAll();
  process.exit(0);
});
