import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

/** Debian's Chromium, never a downloaded one. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh context per person: its own cookie jar, Shanghai time and Chinese locale whatever the host says. */
export async function openPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  return context.newPage();
}

/** Screenshots land in the app's test-results/ (gitignored) for people to look at after the run. */
export async function screenshot(page: Page, appDir: string, name: string): Promise<string> {
  const dir = join(appDir, 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/** The API's demo seed (apps/api/src/seed/people.ts): every staff login shares this password. */
export const DEMO_LOGINS = { password: 'dg-demo-2026' } as const;

/**
 * One Chromium per test file, for an app whose build lives in `appDir`; each `newPage()` is a separate person
 * (own cookies). The app's URL comes from the run's global setup (`stackGlobalSetup`).
 */
export function browserPerFile(appDir: string) {
  let browser: Browser;
  let pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  // A failed test leaves a picture of every page it had open; then its people leave.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      await Promise.all(
        pages.map((page, i) => screenshot(page, appDir, `FAILED-${name}-${i}`).catch(() => {})),
      );
    }
    await Promise.all(pages.map((page) => page.context().close()));
    pages = [];
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newPage: async () => {
      const page = await openPage(browser, inject('appUrl'));
      pages.push(page);
      return page;
    },
    shot: (page: Page, name: string) => screenshot(page, appDir, name),
  };
}
