import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/**
 * The browser projects' environment: Node's, plus a flag on the test's global that says whether
 * the running test has failed yet (its function threw, an assertion failed or it timed out), for
 * the afterEach that writes the pages' recording only then (see page-recorder.ts).
 */
export default class BrowserTestEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_start') this.global.__browserTestFailed = false;
    else if (event.name === 'test_fn_failure') this.global.__browserTestFailed = true;
  }
}
