import type { Page } from 'playwright-core';

/** The name a person would hear for the focused element: its label, aria-label or text. */
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    interface Focused {
      readonly labels?: ArrayLike<{ readonly textContent: string | null }>;
      readonly textContent: string | null;
      getAttribute(name: string): string | null;
    }
    const element = (globalThis as unknown as { document: { activeElement: Focused | null } }).document.activeElement;
    if (element === null) return '';
    return (element.labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  });

/** Presses Tab (at most 40 times) until the focused control is named `name` (or matches it); fails saying where focus went. */
export const tabTo = async (page: Page, name: string | RegExp): Promise<void> => {
  const seen: string[] = [];
  for (let presses = 0; presses < 40; presses += 1) {
    const current = await focusedName(page);
    if (typeof name === 'string' ? current === name : name.test(current)) return;
    seen.push(current);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${String(name)}"; focus went through: ${seen.join(' | ')}`);
};

/**
 * Presses `key` and answers whether the first element matching `selector` to appear afterwards had
 * the focus the moment it appeared (looked at in the page as the DOM changes, before anything else
 * can be typed). A control that takes the focus only later, after a paint, lets keys pressed as
 * soon as it shows land elsewhere: on a loaded machine, a test's (or a quick person's) next keys.
 */
export const focusedOnArrival = async (page: Page, selector: string, key: string): Promise<boolean> => {
  await page.evaluate((wanted) => {
    interface Observer {
      observe(node: unknown, options: { childList: boolean; subtree: boolean }): void;
      disconnect(): void;
    }
    const scope = globalThis as unknown as {
      document: { body: unknown; activeElement: unknown; querySelector(selector: string): unknown };
      MutationObserver: new (changed: () => void) => Observer;
      focusedOnArrival?: Promise<boolean>;
    };
    scope.focusedOnArrival = new Promise((resolve) => {
      const observer = new scope.MutationObserver(() => {
        const element = scope.document.querySelector(wanted);
        if (element === null) return;
        observer.disconnect();
        resolve(scope.document.activeElement === element);
      });
      observer.observe(scope.document.body, { childList: true, subtree: true });
    });
  }, selector);
  await page.keyboard.press(key);
  return page.evaluate(() => (globalThis as unknown as { focusedOnArrival: Promise<boolean> }).focusedOnArrival);
};
