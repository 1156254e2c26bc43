import { connectionsScenario } from './connections.scenario';
import { directScenario } from './direct.scenario';
import { fanoutScenario } from './fanout.scenario';
import { httpScenario } from './http.scenario';
import type { Scenario } from './scenario';

export const SCENARIOS: readonly Scenario[] = [fanoutScenario, directScenario, httpScenario, connectionsScenario];
