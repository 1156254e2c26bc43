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
