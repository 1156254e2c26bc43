/** The part of autocannon 8's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface AutocannonOptions {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    timeout?: number;
  }

  interface AutocannonResult {
    requests: { total: number; average: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  /** An EventEmitter ('response': client, statusCode, bytes, ms) that is also a promise of the result. */
  type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult>;

  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export = autocannon;
}
