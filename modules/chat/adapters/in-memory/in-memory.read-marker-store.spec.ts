import { describeReadMarkerStoreContract } from '@chatterroom/test/contract/ports/chat/read-marker-store.contract';
import { InMemoryReadMarkerStore } from './in-memory.read-marker-store';

describeReadMarkerStoreContract('InMemoryReadMarkerStore', async () => ({ store: new InMemoryReadMarkerStore(), close: async () => {} }));
