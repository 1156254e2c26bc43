import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { DESKTOP, PHONE } from './people';

/** Where the screenshots go: committed, and shown in the README. */
export const SHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** Saves the page at desktop and at phone width as `<name>-desktop.png` / `<name>-phone.png`, and checks it with axe at both. */
export const capture = async (page: Page, name: string) => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`) });
    expect({ screen: `${name} (${label})`, violations: await seriousViolations(page) }).toEqual({ screen: `${name} (${label})`, violations: [] });
  }
  await page.setViewportSize(DESKTOP);
};
