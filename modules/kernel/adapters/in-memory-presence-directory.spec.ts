import { describePresenceDirectoryContract } from '../../../test/contract/ports/kernel/presence-directory.contract';
import { InMemoryPresenceDirectory } from './in-memory-presence-directory';

describePresenceDirectoryContract('InMemoryPresenceDirectory', async () => ({ directory: new InMemoryPresenceDirectory(), close: async () => {} }));
