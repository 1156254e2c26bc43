import { describeRateLimiterContract } from '@chatterroom/test/contract/ports/kernel/rate-limiter.contract';
import { InMemoryRateLimiter } from './in-memory-rate-limiter';

describeRateLimiterContract('in-memory', async () => ({ limiter: new InMemoryRateLimiter(), close: async () => {} }));
