import { describeSignalThrottleContract } from '@chatterroom/test/contract/ports/kernel/signal-throttle.contract';
import { systemClock } from '../clock.port';
import { InMemorySignalThrottle } from './in-memory-signal-throttle';

describeSignalThrottleContract('InMemorySignalThrottle', async () => ({ throttle: new InMemorySignalThrottle({ clock: systemClock }), close: async () => {} }));
