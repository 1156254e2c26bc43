/** Relative width of a bucket: values are kept to within 1 %. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Enough buckets for 10 minutes in microseconds. */
const BUCKETS = Math.ceil(Math.log(600e6) / LOG_GROWTH) + 2;

/** A histogram as it crosses process boundaries: [bucket, count] pairs. */
export type SparseHistogram = ReadonlyArray<readonly [number, number]>;

/**
 * A log-bucketed latency histogram (microsecond input, 1 % precision) that merges by
 * adding counts, so every load-generator process records its own and the
 * orchestrator combines them exactly.
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private maxMs = 0;

  recordMs(ms: number): void {
    const us = Math.max(ms, 0) * 1000;
    const bucket = us < 1 ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(us) / LOG_GROWTH));
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.total += 1;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  get count(): number {
    return this.total;
  }

  /** The value (ms) below which `fraction` of the samples fall; 0 when empty. */
  percentileMs(fraction: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(fraction * this.total));
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
      seen += this.counts[bucket] ?? 0;
      if (seen >= rank) return Math.min(GROWTH ** bucket / 1000, this.maxMs);
    }
    return this.maxMs;
  }

  toSparse(): { buckets: SparseHistogram; maxMs: number } {
    const buckets: Array<[number, number]> = [];
    this.counts.forEach((count, bucket) => {
      if (count > 0) buckets.push([bucket, count]);
    });
    return { buckets, maxMs: this.maxMs };
  }

  add(sparse: { buckets: SparseHistogram; maxMs: number }): this {
    for (const [bucket, count] of sparse.buckets) {
      this.counts[bucket] = (this.counts[bucket] ?? 0) + count;
      this.total += count;
    }
    this.maxMs = Math.max(this.maxMs, sparse.maxMs);
    return this;
  }

  /** p50, p95 and p99 in milliseconds. */
  summary(): { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number } {
    return { p50Ms: this.percentileMs(0.5), p95Ms: this.percentileMs(0.95), p99Ms: this.percentileMs(0.99), maxMs: this.maxMs };
  }
}
