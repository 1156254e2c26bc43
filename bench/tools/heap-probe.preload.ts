import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * `node --require .../heap-probe.preload.js` (with BENCH_HEAP_PROBE_DIR=<dir>): on SIGUSR2 the
 * process collects its garbage (full GC, twice, so weak references and finalisers settle)
 * and writes `process.memoryUsage()` to `<dir>/<pid>.json`. The bench reads it before and
 * after opening idle sockets (see targets/heap-probe.ts), so the memory per socket is what
 * the sockets retain, not how much garbage the collector had not reached yet.
 */
const dir = process.env.BENCH_HEAP_PROBE_DIR;
if (dir !== undefined && dir !== '') {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}.json`);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: { type: 'major'; execution: 'sync' }) => void;
  process.on('SIGUSR2', () => {
    gc();
    gc();
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  });
}
