import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../load/clock';
import { sampleProcess } from './process-probe';

/** Where the server processes of this bench run write their memory after a GC (see tools/heap-probe.preload.ts). */
export const HEAP_PROBE_DIR = join(tmpdir(), `chatterroom-bench-heap-${process.pid}`);

/** Preloaded into every ChatterRoom server process the bench starts. */
export const HEAP_PROBE_PRELOAD = join(__dirname, '..', 'tools', 'heap-probe.preload.js');

/** A process's memory right after a full garbage collection. */
export interface HeapSample {
  /** V8's live heap (`process.memoryUsage().heapUsed`). */
  readonly heapUsedBytes: number;
  /** What V8 has reserved for its heap (live objects, free space it keeps, the young generation). */
  readonly heapTotalBytes: number;
  /** Memory outside the V8 heap that JavaScript objects hold (Buffers, ArrayBuffers). */
  readonly externalBytes: number;
  /** Resident memory of the whole process (/proc), read once the collection is done. */
  readonly rssBytes: number;
}

/**
 * Asks the process `pid` (started with the heap probe preloaded) to collect its garbage and
 * report its memory; undefined when it does not answer within `timeoutMs` (not preloaded,
 * or gone). Never sends the signal to a process that has not announced the probe: SIGUSR2
 * would end it.
 */
export const heapAfterGc = async (pid: number, timeoutMs = 10_000): Promise<HeapSample | undefined> => {
  if (!preloaded(pid)) return undefined;
  const file = join(HEAP_PROBE_DIR, `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
    if (!existsSync(file)) continue;
    const usage = JSON.parse(readFileSync(file, 'utf8')) as NodeJS.MemoryUsage;
    return { heapUsedBytes: usage.heapUsed, heapTotalBytes: usage.heapTotal, externalBytes: usage.external, rssBytes: sampleProcess(pid)?.rssBytes ?? usage.rss };
  }
  return undefined;
};

/** Whether the process was started with the probe (its environment names the probe's directory). */
const preloaded = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`BENCH_HEAP_PROBE_DIR=${HEAP_PROBE_DIR}`);
  } catch {
    return false;
  }
};
