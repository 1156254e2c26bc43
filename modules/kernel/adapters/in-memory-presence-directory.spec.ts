import { describePresenceDirectoryContract } from '@chatterroom/test/contract/ports/kernel/presence-directory.contract';
import { InMemoryPresenceDirectory } from './in-memory-presence-directory';

describePresenceDirectoryContract('InMemoryPresenceDirectory', async () => ({ directory: new InMemoryPresenceDirectory(), close: async () => {} }));
describePresenceDirectoryContract('InMemoryPresenceDirectory with a 2 s mark lifetime', async () => ({
  directory: new InMemoryPresenceDirectory({ ttlMs: 2_000 }), ttlMs: 2_000, close: async () => {},
}));
