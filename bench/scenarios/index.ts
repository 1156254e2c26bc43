import { connectionsScenario } from './connections.scenario';
import { conversationsScenario } from './conversations.scenario';
import { directScenario } from './direct.scenario';
import { fanoutScenario } from './fanout.scenario';
import { httpScenario, roomScenario } from './http.scenario';
import { resumeScenario } from './resume.scenario';
import { roomSetupScenario } from './room-setup.scenario';
import type { Scenario } from './scenario';

/** `all`; a scenario naming its `targets` is skipped on the others (resume: not on the baseline relay). */
export const SCENARIOS: readonly Scenario[] = [fanoutScenario, directScenario, httpScenario, connectionsScenario, resumeScenario];

/** Scenarios run only when named (`npm run bench -- conversations`, `room`): not in `all`, since the baseline relay cannot serve them. */
export const NAMED_SCENARIOS: readonly Scenario[] = [conversationsScenario, roomScenario, roomSetupScenario];
