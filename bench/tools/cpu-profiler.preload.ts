import { writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * `node --require .../cpu-profiler.preload.js`: what `node --cpu-prof` does, for Node 20
 * where that flag is not allowed in NODE_OPTIONS (the only way to reach processes the
 * system harness spawns). Profiles the whole process with V8's sampling profiler and, on
 * exit, writes `<BENCH_CPU_PROF_DIR>/<argv[2] or script>-<pid>.cpuprofile` (the
 * in-thread inspector session answers synchronously, so this works in an 'exit' handler).
 */
const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir !== undefined && dir !== '') {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      const name = process.argv[2] ?? 'node';
      writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
