import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { describeMonolithRestart } from './support/monolith-restart.cases';

/* Issue: a monolith with MONGO_URL keeps its data across a restart. */

jest.setTimeout(60_000);

describeMonolithRestart('MongoDB (MONGO_URL)', { MONGO_URL: mongoTestUrl('resilience_monolith') });
