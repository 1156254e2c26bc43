import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Where the recordings of failed browser tests go (one file per failed test). */
export const RECORDINGS_DIR = process.env.BROWSER_RECORDINGS_DIR ?? join(tmpdir(), 'chatterroom-browser');

/** A frame or console text longer than this is cut (a replay page can be large). */
const MAX_TEXT = 4_000;

const lines: string[] = [];
let pages = 0;

const cut = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…(${text.length} chars)` : text);

/** Leaves tickets and tokens out of a URL. */
const redacted = (url: string): string => url.replace(/([?&](?:token|ticket)=)[^&]*/gi, '$1[redacted]');

const note = (who: string, what: string): void => {
  lines.push(`${new Date().toISOString()} ${who} ${what}`);
};

/**
 * Records what one page lived through: its console and uncaught errors, the frames of each of
 * its WebSockets both ways (with opens and closes), and its HTTP requests to the gateway with
 * their answers' status. Kept in memory and written only when a test fails (see
 * {@link writeRecordingIfFailed}): it is what a missed live push is explained from.
 */
export const recordPage = (page: Page, label: string): void => {
  const who = `[${label}#${++pages}]`;
  page.on('console', (message) => note(who, `console.${message.type()} ${cut(message.text())}`));
  page.on('pageerror', (error) => note(who, `pageerror ${cut(error.stack ?? error.message)}`));
  page.on('request', (request) => {
    if (request.resourceType() === 'fetch' || request.resourceType() === 'xhr') note(who, `http> ${request.method()} ${redacted(request.url())}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() === 'fetch' || request.resourceType() === 'xhr') note(who, `http< ${response.status()} ${request.method()} ${redacted(response.url())}`);
  });
  page.on('requestfailed', (request) => note(who, `http! ${request.method()} ${redacted(request.url())} ${request.failure()?.errorText ?? ''}`));
  page.on('websocket', (socket) => {
    const ws = `ws(${redacted(socket.url()).replace(/^.*\/ws\//, '/ws/')})`;
    note(who, `${ws} opened`);
    socket.on('framesent', ({ payload }) => note(who, `${ws} > ${cut(String(payload))}`));
    socket.on('framereceived', ({ payload }) => note(who, `${ws} < ${cut(String(payload))}`));
    socket.on('socketerror', (error) => note(who, `${ws} error ${error}`));
    socket.on('close', () => note(who, `${ws} closed`));
  });
  page.on('close', () => note(who, 'page closed'));
};

/** Records every page of `context`, the ones it has and the ones it opens later (second tabs). */
export const recordContext = (context: BrowserContext, label: string): void => {
  for (const page of context.pages()) recordPage(page, label);
  context.on('page', (page) => recordPage(page, label));
};

/** The failure flag the browser projects' test environment keeps (see browser-test.environment.ts). */
const failed = (): boolean => (globalThis as { __browserTestFailed?: boolean }).__browserTestFailed === true;

/**
 * After each test: when it failed (or with BROWSER_RECORDINGS=all, always), writes what the pages
 * recorded during it to a file in {@link RECORDINGS_DIR}, named on stderr for a failure; either
 * way the recording starts afresh.
 */
export const writeRecordingIfFailed = (): void => {
  const recorded = lines.splice(0);
  const failedNow = failed();
  if ((!failedNow && process.env.BROWSER_RECORDINGS !== 'all') || recorded.length === 0) return;
  const test = expect.getState().currentTestName ?? 'unnamed test';
  const file = join(RECORDINGS_DIR, `${basename(expect.getState().testPath ?? 'spec')}-${test.replace(/[^\w-]+/g, '_').slice(0, 80)}-${Date.now()}.log`);
  mkdirSync(RECORDINGS_DIR, { recursive: true });
  writeFileSync(file, `${test}\n${recorded.join('\n')}\n`);
  if (failedNow) process.stderr.write(`The pages' console, WebSocket frames and requests of the failed test are in ${file}\n`);
};
