import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { registerPerson, type Person } from './people';

export interface TwoPeople {
  readonly browser: Browser;
  readonly alice: Person;
  readonly bob: Person;
}

/**
 * Registers jest hooks that start Chromium and sign up Alice on the first gateway and Bob on
 * the second (the same one where there is only one), each in their own browser context.
 * Read the returned object's fields inside tests.
 */
export const withTwoPeople = (): TwoPeople => {
  const people = {} as { browser: Browser; alice: Person; bob: Person };
  beforeAll(async () => {
    people.browser = await launchChromium();
    people.alice = await registerPerson(people.browser, 0, 'alice');
    people.bob = await registerPerson(people.browser, 1, 'bob');
  });
  afterAll(() => people.browser?.close());
  return people;
};
