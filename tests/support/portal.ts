import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { type Stack, type StackOptions, startStack } from '../../infra/src/local/stack';

/** Browser suites of the portal: Debian's Chromium, one context per person, on the e2e stack. */
const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');
const CHAIN_TIMEOUT = 30_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Retry `probe` (a page read) until `done`, calling `between` (e.g. a refresh click) each round. */
export const until = async <T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string, between?: () => Promise<void>, timeoutMs = CHAIN_TIMEOUT): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 500));
    if (between) await between();
    last = await probe();
  }
  return last;
};

export const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();
export const statusOf = (locator: Locator) => locator.getAttribute('data-status');

/**
 * Click a button until the request it sends succeeds, as a person would when the event
 * chain has not caught up yet (e.g. the hours service not yet knowing about a fresh claim)
 * or a cold function refuses the first try.
 */
export const clickUntilOk = async (p: Page, button: Locator, path: string, error: Locator, method = 'POST', timeoutMs = CHAIN_TIMEOUT): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [response] = await Promise.all([
      p.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === `/api${path}`, { timeout: 15_000 }),
      button.click(),
    ]);
    if (response.ok()) return;
    const shown = await error.waitFor({ timeout: 5000 }).then(() => text(error), () => '(no error shown)');
    if (Date.now() > deadline) throw new Error(`${method} ${path} kept failing: ${response.status()} ${shown}`);
    await p.waitForTimeout(1000);
  }
};

/** Keep what a page shows, for people reading the CI artefacts. */
export const keepScreenshot = async (p: Page, name: string) => {
  await mkdir(RESULTS, { recursive: true });
  await p.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
};

/**
 * A browser suite's lifecycle: the shared e2e stack (or, run alone, a stack of its own on
 * `ownPorts`), one Chromium, a context per person signed in through the login page, and a
 * screenshot of every person's page when a test fails.
 */
export const usePortal = (suite: string, ownPorts: StackOptions['ports']) => {
  let stack: Stack | undefined;
  let browser: Browser;
  const urls = { portalUrl: '', apiUrl: '' };
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    const shared = inject('stack') as { portalUrl: string; apiUrl: string } | undefined;
    if (shared?.portalUrl) Object.assign(urls, { portalUrl: shared.portalUrl, apiUrl: shared.apiUrl });
    else {
      stack = await startStack({ portal: true, ports: ownPorts });
      Object.assign(urls, { portalUrl: stack.portalUrl, apiUrl: stack.apiUrl });
    }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  }, 60_000);

  const openPage = async (who: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ baseURL: urls.portalUrl, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    contexts.push(context);
    const p = await context.newPage();
    pages.set(who, p);
    await p.goto('/');
    return p;
  };

  return {
    urls,
    page: (who: string): Page => {
      const p = pages.get(who);
      if (!p) throw new Error(`no page for ${who}`);
      return p;
    },
    has: (who: string) => pages.has(who),
    /** A fresh browser context for `who` on the login page, signed in as nobody (a newcomer). */
    open: (who: string, viewport = { width: 1280, height: 900 }) => openPage(who, viewport),
    /** A fresh browser context for `who`, signed in as `userId` through the login page. */
    login: async (who: string, userId: string, viewport = { width: 1280, height: 900 }) => {
      const p = await openPage(who, viewport);
      await p.getByTestId(`login-${userId}`).click();
      await p.getByTestId('current-user').waitFor();
      expect(await p.getByTestId('current-user').getAttribute('data-user-id')).toBe(userId);
      return p;
    },
    screenshotOnFailure: () =>
      onTestFailed(async () => {
        for (const [who, p] of pages) await keepScreenshot(p, `${suite}-failed-${who}`).catch(() => undefined);
      }),
  };
};
