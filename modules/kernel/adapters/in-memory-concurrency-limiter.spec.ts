import { describeConcurrencyLimiterContract } from '@chatterroom/test/contract/ports/kernel/concurrency-limiter.contract';
import { InMemoryConcurrencyLimiter } from './in-memory-concurrency-limiter';

describeConcurrencyLimiterContract('in-memory', async () => ({ limiter: new InMemoryConcurrencyLimiter(), close: async () => {} }));
