import { rateLimitRefusals } from '../metrics/gateway-metrics';
import { gcraStep, type RatePolicy } from '@chatterroom/kernel';

/** What to do with one incoming frame. */
export type FrameVerdict = { readonly kind: 'accept' } | { readonly kind: 'refuse'; readonly retryAfterMs: number } | { readonly kind: 'close' };

const ACCEPT: FrameVerdict = { kind: 'accept' };

/**
 * The frame rate of one socket, counted in the socket's own process (a socket lives on one
 * gateway): frames within `frames` are accepted; past it each is refused; refused frames
 * past `excess` (a client that does not slow down) close the socket.
 */
export class SocketThrottle {
  private framesTat: number | undefined;
  private excessTat: number | undefined;

  constructor(
    private readonly frames: RatePolicy | null,
    private readonly excess: RatePolicy | null,
    private readonly now: () => number = Date.now,
  ) {}

  admit(): FrameVerdict {
    if (this.frames === null) return ACCEPT;
    const now = this.now();
    const step = gcraStep(this.framesTat, now, this.frames, 1);
    if (step.decision.allowed) {
      this.framesTat = step.nextTat;
      return ACCEPT;
    }
    rateLimitRefusals.inc({ limit: 'frames' });
    if (this.excess !== null) {
      const strike = gcraStep(this.excessTat, now, this.excess, 1);
      if (!strike.decision.allowed) return { kind: 'close' };
      this.excessTat = strike.nextTat;
    }
    return { kind: 'refuse', retryAfterMs: step.decision.retryAfterMs };
  }
}
